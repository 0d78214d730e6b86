package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.ref.ReferenceBackend;
import ibinit.tensor.Tensor;
import ibinit.tensor.Tensor.DType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Misuse of the convolution and pooling ops: the message names the shapes (checks shared by every backend). */
class WindowArgumentsTest {
    private final Backend be = new ReferenceBackend();
    private final List<Tensor> open = new ArrayList<>();

    @AfterEach
    void closeTensors() { open.forEach(Tensor::close); }

    private Tensor f32(int... shape) { return keep(be.zeros(shape)); }
    private Tensor i32(int... shape) { return keep(be.allocate(DType.I32, shape)); }
    private Tensor keep(Tensor t) { open.add(t); return t; }

    private static void refused(Executable call, String... fragments) {
        String msg = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String f : fragments) assertTrue(msg.contains(f), () -> "'" + msg + "' does not name '" + f + "'");
    }

    @Test
    void im2colNamesTheShapeItExpects() {
        Tensor x = f32(2, 3, 5, 5);
        refused(() -> be.im2col(x, 3, 1, 0, f32(2, 27, 10)), "cols f32[2x27x10]", "[2x27x9]", "x f32[2x3x5x5]",
                "3x3 window, stride 1, padding 0");
        refused(() -> be.im2col(f32(2, 75), 3, 1, 0, f32(2, 27, 9)), "x f32[2x75]", "4-D [n, c, h, w]");
        refused(() -> be.im2col(x, 7, 1, 0, f32(2, 147, 1)), "7x7 window", "5x5 planes of x f32[2x3x5x5]");
        refused(() -> be.im2col(x, 0, 1, 0, f32(2, 0, 1)), "kernel >= 1", "got kernel 0");
        refused(() -> be.im2col(x, 3, 0, 0, f32(2, 27, 9)), "stride >= 1");
        refused(() -> be.im2col(x, 3, 1, -1, f32(2, 27, 9)), "padding >= 0");
    }

    @Test
    void col2imNamesBothTensors() {
        refused(() -> be.col2im(f32(2, 27, 9), 3, 1, 1, f32(2, 3, 5, 5)), "cols f32[2x27x9]", "[2x27x25]",
                "dx f32[2x3x5x5]", "padding 1");
        refused(() -> be.col2im(f32(2, 27, 9), 3, 1, 0, f32(2, 3, 25)), "dx f32[2x3x25]", "4-D");
    }

    @Test
    void channelOpsNameTheChannelCount() {
        refused(() -> be.addChannelBias(f32(2, 3, 4, 4), f32(4)), "bias f32[4]", "3 channels of x f32[2x3x4x4]");
        refused(() -> be.channelSums(f32(2, 3, 4), f32(2)), "out f32[2]", "3 channels of x f32[2x3x4]");
        refused(() -> be.channelSums(f32(6), f32(6)), "x f32[6]", "channel dimension");
    }

    @Test
    void maxPoolChecksOutputsAndPadding() {
        Tensor x = f32(1, 2, 6, 6);
        refused(() -> be.maxPool(x, 2, 2, 0, f32(1, 2, 3, 2), i32(1, 2, 3, 3)), "y f32[1x2x3x2]", "[1x2x3x3]", "x f32[1x2x6x6]");
        refused(() -> be.maxPool(x, 2, 2, 0, f32(1, 2, 3, 3), i32(1, 2, 3, 2)), "argmax i32[1x2x3x2]", "[1x2x3x3]");
        refused(() -> be.maxPool(x, 2, 2, 0, f32(1, 2, 3, 3), f32(1, 2, 3, 3)), "argmax f32[1x2x3x3]", "must be i32");
        refused(() -> be.maxPool(x, 3, 1, 2, f32(1, 2, 8, 8), i32(1, 2, 8, 8)), "padding 2", "half the kernel 3");
    }

    @Test
    void maxPoolBackwardChecksEveryTensor() {
        Tensor dx = f32(1, 2, 6, 6);
        refused(() -> be.maxPoolBackward(f32(1, 2, 2, 2), i32(1, 2, 3, 3), 2, 2, 0, dx), "dy f32[1x2x2x2]", "[1x2x3x3]",
                "dx f32[1x2x6x6]");
        refused(() -> be.maxPoolBackward(f32(1, 2, 3, 3), i32(1, 2, 3, 3), 2, 2, 0, f32(1, 2, 36)), "dx f32[1x2x36]", "4-D");
    }

    @Test
    void emptyBatchesAreFineAndSumsStillOverwrite() {
        be.im2col(f32(0, 3, 5, 5), 3, 1, 0, f32(0, 27, 9));
        Tensor out = keep(be.fromArray(new float[] {7, 7, 7}, 3));
        be.channelSums(f32(0, 3, 4), out);
        assertEquals(0f, be.toFloatArray(out)[1]);
    }
}
