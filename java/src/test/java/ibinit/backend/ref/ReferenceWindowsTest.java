package ibinit.backend.ref;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The oracle's convolution and pooling ops on examples worked by hand, and col2im as im2col's adjoint. */
class ReferenceWindowsTest {
    private final ReferenceBackend be = new ReferenceBackend();
    private final List<Tensor> open = new ArrayList<>();

    @AfterEach
    void closeTensors() { open.forEach(Tensor::close); }

    private Tensor t(float[] v, int... shape) { return keep(be.fromArray(v, shape)); }
    private Tensor keep(Tensor x) { open.add(x); return x; }

    @Test
    void im2colOfA3x3PlaneWithA2x2Window() {
        Tensor x = t(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor cols = keep(be.zeros(1, 4, 4));
        be.im2col(x, 2, 1, 0, cols);
        // Rows are the window offsets (0,0) (0,1) (1,0) (1,1); columns the 4 window positions.
        assertArrayEquals(new float[] {1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9}, be.toFloatArray(cols));
    }

    @Test
    void im2colPadsWithZerosAndStrides() {
        Tensor x = t(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        Tensor cols = keep(be.zeros(1, 1, 4));
        be.im2col(x, 1, 2, 1, cols); // 1x1 window, stride 2, padding 1: positions (-1,-1) (-1,1) (1,-1) (1,1)
        assertArrayEquals(new float[] {0, 0, 0, 4}, be.toFloatArray(cols));
    }

    @Test
    void col2imAddsOverlappingWindows() {
        float[] ones = new float[16];
        java.util.Arrays.fill(ones, 1f);
        Tensor cols = t(ones, 1, 4, 4);
        Tensor dx = t(new float[] {9, 9, 9, 9, 9, 9, 9, 9, 9}, 1, 1, 3, 3); // overwritten
        be.col2im(cols, 2, 1, 0, dx);
        // How many 2x2 windows cover each pixel of a 3x3 plane.
        assertArrayEquals(new float[] {1, 2, 1, 2, 4, 2, 1, 2, 1}, be.toFloatArray(dx));
    }

    /** <im2col(x), c> = <x, col2im(c)> for random x and c: col2im is the adjoint, so backward is right. */
    @Test
    void col2imIsTheAdjointOfIm2col() {
        Random rnd = new Random(5);
        int[][] cases = {{2, 3, 5, 4, 3, 1, 1}, {1, 2, 7, 7, 3, 2, 0}, {3, 1, 4, 6, 2, 3, 2}, {1, 1, 1, 1, 1, 1, 0}};
        for (int[] c : cases) {
            int n = c[0], ch = c[1], h = c[2], w = c[3], k = c[4], s = c[5], p = c[6];
            int oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;
            float[] xv = gaussian(rnd, n * ch * h * w), cv = gaussian(rnd, n * ch * k * k * oh * ow);
            Tensor x = t(xv, n, ch, h, w), cols = keep(be.zeros(n, ch * k * k, oh * ow));
            Tensor g = t(cv, n, ch * k * k, oh * ow), dx = keep(be.zeros(n, ch, h, w));
            be.im2col(x, k, s, p, cols);
            be.col2im(g, k, s, p, dx);
            assertEquals(dot(be.toFloatArray(cols), cv), dot(xv, be.toFloatArray(dx)), 1e-4, java.util.Arrays.toString(c));
        }
    }

    @Test
    void channelBiasAndSums() {
        Tensor x = t(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2); // n 2, c 2, hw 2
        be.addChannelBias(x, t(new float[] {10, 20}, 2));
        assertArrayEquals(new float[] {11, 12, 23, 24, 15, 16, 27, 28}, be.toFloatArray(x));
        Tensor out = t(new float[] {-1, -1}, 2);
        be.channelSums(x, out);
        assertArrayEquals(new float[] {11 + 12 + 15 + 16, 23 + 24 + 27 + 28}, be.toFloatArray(out));
    }

    @Test
    void maxPoolPicksTheFirstMaximumAndSkipsPadding() {
        Tensor x = t(new float[] {1, 5, 5, -2, 0, 3, -7, -8, -9}, 1, 1, 3, 3);
        Tensor y = keep(be.zeros(1, 1, 2, 2));
        Tensor arg = keep(be.allocate(Tensor.DType.I32, 1, 1, 2, 2));
        be.maxPool(x, 2, 1, 0, y, arg);
        assertArrayEquals(new float[] {5, 5, 0, 3}, be.toFloatArray(y));
        assertArrayEquals(new int[] {1, 1, 4, 5}, be.toIntArray(arg));
        // Padding 1 with an all-negative plane: padding (zeros) must not win.
        Tensor neg = t(new float[] {-4, -3, -2, -1}, 1, 1, 2, 2);
        Tensor y2 = keep(be.zeros(1, 1, 2, 2)), arg2 = keep(be.allocate(Tensor.DType.I32, 1, 1, 2, 2));
        be.maxPool(neg, 2, 2, 1, y2, arg2);
        assertArrayEquals(new float[] {-4, -3, -2, -1}, be.toFloatArray(y2));
        assertArrayEquals(new int[] {0, 1, 2, 3}, be.toIntArray(arg2));
    }

    @Test
    void maxPoolLetsNaNWin() {
        Tensor x = t(new float[] {1, Float.NaN, 7, Float.NaN}, 1, 1, 2, 2);
        Tensor y = keep(be.zeros(1, 1, 1, 1)), arg = keep(be.allocate(Tensor.DType.I32, 1, 1, 1, 1));
        be.maxPool(x, 2, 2, 0, y, arg);
        assertEquals(Float.NaN, be.toFloatArray(y)[0]);
        assertArrayEquals(new int[] {1}, be.toIntArray(arg));
    }

    @Test
    void maxPoolBackwardAddsWhereWindowsShareAWinner() {
        Tensor dy = t(new float[] {1, 2, 3, 4}, 1, 1, 2, 2);
        Tensor arg = keep(be.fromArray(new int[] {1, 1, 4, 5}, 1, 1, 2, 2));
        Tensor dx = t(new float[] {9, 9, 9, 9, 9, 9, 9, 9, 9}, 1, 1, 3, 3);
        be.maxPoolBackward(dy, arg, 2, 1, 0, dx);
        assertArrayEquals(new float[] {0, 3, 0, 0, 3, 4, 0, 0, 0}, be.toFloatArray(dx));
    }

    private static float[] gaussian(Random rnd, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (double) a[i] * b[i];
        return s;
    }
}
