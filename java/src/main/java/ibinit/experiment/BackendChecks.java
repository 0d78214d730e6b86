package ibinit.experiment;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The backend use cases ({@code backends}, {@code selfcheck}): which backends can run here, and
 * every available one against the Java reference (GEMM, random streams). Both say when
 * -Dibinit.backend / IBINIT_BACKEND names no backend.
 */
public final class BackendChecks {
    private BackendChecks() { }

    /** A warning about an invalid -Dibinit.backend / IBINIT_BACKEND, or null. */
    public static String requestProblem() { return Backends.requestProblem(); }

    /** One line per backend: "NAME available" or "NAME unavailable REASON". */
    public static List<String> availability() {
        List<String> out = new ArrayList<>();
        for (Backends.Probe p : Backends.probeAll()) out.add(p.line());
        return out;
    }

    /** One backend's result against the reference. */
    public record Check(String backend, int size, double gemmError, boolean gemmOk, boolean streamsIdentical) {
        public boolean ok() { return gemmOk && streamsIdentical; }
    }

    /** Multiplies random size x size matrices on every available native backend and compares them and the Philox streams with the reference. */
    public static List<Check> selfCheck(int size, long seed) {
        if (size < 1 || size > 8192) throw new IllegalArgumentException("--size must be between 1 and 8192, got " + size);
        List<Check> out = new ArrayList<>();
        try (Backend ref = Backends.reference()) {
            float[] expected = multiply(ref, size, seed);
            int[] expectedBits = ref.philoxBlocks(new RandomStream(seed, 0, 0), 64);
            for (String name : Backends.NAMES) {
                if (name.equals("java") || !Backends.probe(name).available()) continue;
                try (Backend b = Backends.open(name)) {
                    double err = maxRelativeError(multiply(b, size, seed), expected);
                    out.add(new Check(name, size, err, err <= 1e-4, Arrays.equals(expectedBits, b.philoxBlocks(new RandomStream(seed, 0, 0), 64))));
                }
            }
        }
        return out;
    }

    private static float[] multiply(Backend b, int size, long seed) {
        try (Tensor a = b.zeros(size, size); Tensor m = b.zeros(size, size); Tensor c = b.zeros(size, size)) {
            b.fillUniform(a, new RandomStream(seed, 1, 0), -1, 1);
            b.fillUniform(m, new RandomStream(seed, 2, 0), -1, 1);
            b.gemm(false, false, 1f, a, m, 0f, c);
            return b.toFloatArray(c);
        }
    }

    /** Largest |got - expected| relative to the largest |expected| (the scale of a GEMM's rounding). */
    private static double maxRelativeError(float[] got, float[] expected) {
        double scale = 0, err = 0;
        for (float e : expected) scale = Math.max(scale, Math.abs(e));
        for (int i = 0; i < got.length; i++) err = Math.max(err, Math.abs((double) got[i] - expected[i]));
        return scale == 0 ? err : err / scale;
    }
}
