package ibinit.cli;

import ibinit.backend.Backend;
import ibinit.backend.Backends;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ibinit selfcheck}: multiplies random matrices on every available backend and compares
 * them with the Java reference, and checks that the random streams agree bit for bit.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Check every available backend against the Java reference (GEMM, random streams).")
final class SelfCheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", description = "GEMM size N x N x N (default: ${DEFAULT-VALUE}).")
    int size = 256;

    @Option(names = "--seed", description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Override
    public Integer call() {
        if (size < 1 || size > 8192) throw new IllegalArgumentException("--size must be between 1 and 8192, got " + size);
        PrintWriter out = spec.commandLine().getOut();
        boolean ok = true;
        try (Backend ref = Backends.reference()) {
            float[] expected = multiply(ref);
            int[] expectedBits = ref.philoxBlocks(new RandomStream(seed, 0, 0), 64);
            for (String name : Backends.NAMES) {
                if (name.equals("java") || !Backends.probe(name).available()) continue;
                try (Backend b = Backends.open(name)) {
                    float[] got = multiply(b);
                    double err = maxRelativeError(got, expected);
                    boolean gemmOk = err <= 1e-4;
                    boolean rngOk = java.util.Arrays.equals(expectedBits, b.philoxBlocks(new RandomStream(seed, 0, 0), 64));
                    out.printf("%-5s gemm %dx%dx%d max relative error %.2e %s; philox streams %s%n", name, size, size, size,
                            err, gemmOk ? "OK" : "FAIL", rngOk ? "identical OK" : "DIFFER FAIL");
                    ok &= gemmOk && rngOk;
                }
            }
        }
        out.println(ok ? "selfcheck passed" : "selfcheck FAILED");
        out.flush();
        return ok ? 0 : 1;
    }

    private float[] multiply(Backend b) {
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
