package ibinit.backend.ref;

import ibinit.backend.Window2d;

/**
 * The reference's convolution and pooling loops on plain arrays, written the textbook way: im2col
 * and max-pooling read each window directly, col2im and the pooling gradient scatter-add in
 * double. The native kernels gather instead (ibinit_scalar.h), so the two check each other.
 * Images are NCHW: {@code n} images of {@code c} planes of {@code h x w}.
 */
final class ReferenceWindows {
    private ReferenceWindows() { }

    /** cols[i, (ch*k + ky)*k + kx, oy*ow + ox] = x[i, ch, oy*s - p + ky, ox*s - p + kx], 0 outside. */
    static float[] im2col(float[] x, int n, int c, int h, int w, Window2d win) {
        int k = win.kernel(), s = win.stride(), p = win.padding();
        int oh = win.positions(h), ow = win.positions(w);
        float[] cols = new float[n * c * k * k * oh * ow];
        int out = 0;
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        for (int oy = 0; oy < oh; oy++) {
                            for (int ox = 0; ox < ow; ox++) {
                                int y = oy * s - p + ky, xx = ox * s - p + kx;
                                boolean inside = y >= 0 && y < h && xx >= 0 && xx < w;
                                cols[out++] = inside ? x[((i * c + ch) * h + y) * w + xx] : 0f;
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }

    /** Each cols entry added back to the pixel im2col took it from (padding entries dropped). */
    static float[] col2im(float[] cols, int n, int c, int h, int w, Window2d win) {
        int k = win.kernel(), s = win.stride(), p = win.padding();
        int oh = win.positions(h), ow = win.positions(w);
        double[] dx = new double[n * c * h * w];
        int in = 0;
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        for (int oy = 0; oy < oh; oy++) {
                            for (int ox = 0; ox < ow; ox++) {
                                int y = oy * s - p + ky, xx = ox * s - p + kx;
                                float v = cols[in++];
                                if (y >= 0 && y < h && xx >= 0 && xx < w) dx[((i * c + ch) * h + y) * w + xx] += v;
                            }
                        }
                    }
                }
            }
        }
        return toFloat(dx);
    }

    /** x[i, ch, j] += bias[ch] over hw positions j. */
    static void addChannelBias(float[] x, int n, int c, int hw, float[] bias) {
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int j = 0; j < hw; j++) x[(i * c + ch) * hw + j] += bias[ch];
            }
        }
    }

    static float[] channelSums(float[] x, int n, int c, int hw) {
        double[] sums = new double[c];
        for (int i = 0; i < n; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int j = 0; j < hw; j++) sums[ch] += x[(i * c + ch) * hw + j];
            }
        }
        return toFloat(sums);
    }

    /** Pooled values and, in argmax, each winner's index y*w + x in its plane. */
    static float[] maxPool(float[] x, int n, int c, int h, int w, Window2d win, int[] argmax) {
        int k = win.kernel(), s = win.stride(), p = win.padding();
        int oh = win.positions(h), ow = win.positions(w);
        float[] y = new float[n * c * oh * ow];
        for (int plane = 0; plane < n * c; plane++) {
            for (int oy = 0; oy < oh; oy++) {
                for (int ox = 0; ox < ow; ox++) {
                    float best = Float.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            int yy = oy * s - p + ky, xx = ox * s - p + kx;
                            if (yy < 0 || yy >= h || xx < 0 || xx >= w) continue; // padding never wins
                            float v = x[plane * h * w + yy * w + xx];
                            // First maximum wins ties; the first NaN beats every number.
                            boolean better = at < 0 || (Float.isNaN(v) ? !Float.isNaN(best) : v > best);
                            if (better) {
                                best = v;
                                at = yy * w + xx;
                            }
                        }
                    }
                    int o = (plane * oh + oy) * ow + ox;
                    y[o] = best;
                    argmax[o] = at;
                }
            }
        }
        return y;
    }

    /** dy scattered to the pixels argmax names, adding up where windows overlap. */
    static float[] maxPoolBackward(float[] dy, int[] argmax, int n, int c, int h, int w, Window2d win) {
        int positions = win.positions(h) * win.positions(w);
        double[] dx = new double[n * c * h * w];
        for (int plane = 0; plane < n * c; plane++) {
            for (int o = 0; o < positions; o++) {
                int at = argmax[plane * positions + o];
                if (at >= 0 && at < h * w) dx[plane * h * w + at] += dy[plane * positions + o]; // as the native kernels
            }
        }
        return toFloat(dx);
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }
}
