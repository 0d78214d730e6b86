package ibinit.backend;

import static org.junit.jupiter.api.Assertions.fail;

import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A backend under test beside the reference, fed the same inputs. Each Twin draws its inputs
 * from a fresh seed (System.nanoTime), printed and named in every failure, so each run tries
 * new numbers and any failure can be replayed.
 */
final class Twin implements AutoCloseable {
    /** The same values as a tensor on each backend. */
    record Pair(Tensor under, Tensor ref) { }

    final Backend under;
    final Backend ref;
    final long seed;
    final Random rnd;
    private final List<Tensor> open = new ArrayList<>();

    Twin(Backend under, Backend ref, String test) {
        this.under = under;
        this.ref = ref;
        this.seed = System.nanoTime();
        this.rnd = new Random(seed);
        System.out.println(test + " on " + under.name() + ": seed " + seed);
    }

    /** Names the backend and the seed, for failure messages. */
    String where(String what) { return what + " [backend " + under.name() + ", seed " + seed + "]"; }

    float[] normal(int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (rnd.nextGaussian() * std);
        return v;
    }

    Pair pair(float[] values, int... shape) {
        return new Pair(keep(under.fromArray(values, shape)), keep(ref.fromArray(values, shape)));
    }

    Pair pair(int[] values, int... shape) {
        return new Pair(keep(under.fromArray(values, shape)), keep(ref.fromArray(values, shape)));
    }

    Tensor keep(Tensor t) {
        open.add(t);
        return t;
    }

    /** Bound for element i of a comparison. */
    interface Bound { double at(int i); }

    /** |got[i] - want[i]| <= bound(i) for all i, reporting the first offender. */
    void assertClose(float[] want, float[] got, Bound bound, String what) {
        if (want.length != got.length) fail(where(what + ": length " + got.length + ", expected " + want.length));
        for (int i = 0; i < want.length; i++) {
            double err = Math.abs((double) got[i] - want[i]);
            if (!(err <= bound.at(i)) && !(Float.isNaN(want[i]) && Float.isNaN(got[i])) && want[i] != got[i]) {
                fail(where(what + ": element " + i + " is " + got[i] + ", reference " + want[i]
                        + " (error " + err + " > bound " + bound.at(i) + ")"));
            }
        }
    }

    /** Bit for bit. */
    void assertSameBits(float[] want, float[] got, String what) {
        if (want.length != got.length) fail(where(what + ": length " + got.length + ", expected " + want.length));
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(where(what + ": element " + i + " is " + got[i] + ", reference " + want[i] + " (bits differ)"));
            }
        }
    }

    void assertClose(double want, double got, double bound, String what) {
        if (!(Math.abs(got - want) <= bound)) {
            fail(where(what + ": " + got + ", reference " + want + " (error " + Math.abs(got - want) + " > " + bound + ")"));
        }
    }

    @Override
    public void close() { open.forEach(Tensor::close); }
}
