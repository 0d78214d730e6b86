package ibinit.backend.ref;

import ibinit.backend.Activation;
import ibinit.tensor.Tensor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The reference (test-oracle) versions of the fused dense-layer ops and the row gather that the
 * information estimators use, written the obvious way: sums in double, elementwise rules in float
 * as in native/include/ibinit_scalar.h. Arguments are already checked by AbstractBackend.
 */
final class ReferenceDenseKernels {
    private ReferenceDenseKernels() { }

    private static float[] read(Tensor t) { return t.segment().asSlice(0, t.byteSize()).toArray(ValueLayout.JAVA_FLOAT); }

    private static void write(float[] v, Tensor t) { MemorySegment.copy(v, 0, t.segment(), ValueLayout.JAVA_FLOAT, 0, v.length); }

    /** f' from the output y alone: for (leaky) ReLU with slope &gt;= 0, y &gt; 0 exactly when x &gt; 0. */
    private static float gradFromOutput(Activation f, float param, float y) {
        return ReferenceBackend.derivative(f, param, y, y);
    }

    static void forward(Tensor x, Tensor w, Tensor b, Activation f, float param, Tensor y) {
        float[] xv = read(x), wv = read(w), bv = read(b);
        int rows = x.dim(0), in = x.dim(1), out = w.dim(0);
        float[] yv = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = bv[o];
                for (int k = 0; k < in; k++) sum += (double) xv[r * in + k] * wv[o * in + k];
                yv[r * out + o] = ReferenceBackend.apply(f, param, (float) sum);
            }
        }
        write(yv, y);
    }

    static void backward(Tensor x, Tensor w, Activation f, float param, Tensor y, Tensor dy, Tensor dw, Tensor db, Tensor dx) {
        float[] xv = read(x), wv = read(w), yv = read(y), g = read(dy);
        int rows = x.dim(0), in = x.dim(1), out = w.dim(0);
        for (int i = 0; i < g.length; i++) g[i] = g[i] * gradFromOutput(f, param, yv[i]);
        float[] dwv = new float[out * in], dbv = new float[out];
        for (int o = 0; o < out; o++) {
            double bias = 0;
            for (int r = 0; r < rows; r++) bias += g[r * out + o];
            dbv[o] = (float) bias;
            for (int k = 0; k < in; k++) {
                double sum = 0;
                for (int r = 0; r < rows; r++) sum += (double) g[r * out + o] * xv[r * in + k];
                dwv[o * in + k] = (float) sum;
            }
        }
        if (dx != null) {
            float[] dxv = new float[rows * in];
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < in; k++) {
                    double sum = 0;
                    for (int o = 0; o < out; o++) sum += (double) g[r * out + o] * wv[o * in + k];
                    dxv[r * in + k] = (float) sum;
                }
            }
            write(dxv, dx);
        }
        write(g, dy);
        write(dwv, dw);
        write(dbv, db);
    }

    static void gatherRows(Tensor src, int srcCol, int[] rows, Tensor dst, int dstCol, int cols) {
        long srcStride = 4L * src.cols(), dstStride = 4L * dst.cols();
        for (int r = 0; r < rows.length; r++) {
            MemorySegment.copy(src.segment(), rows[r] * srcStride + 4L * srcCol, dst.segment(), r * dstStride + 4L * dstCol, 4L * cols);
        }
    }
}
