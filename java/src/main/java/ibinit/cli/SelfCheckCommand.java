package ibinit.cli;

import ibinit.experiment.BackendChecks;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ibinit selfcheck}: multiplies random matrices on every available backend and compares
 * them with the Java reference, and checks that the random streams agree bit for bit.
 */
@Command(name = "selfcheck", mixinStandardHelpOptions = true,
        description = "Check every available backend against the Java reference (GEMM, random streams).")
final class SelfCheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", description = "GEMM size N x N x N. Default: 256.")
    int size = 256;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random inputs. Default: 1.")
    long seed = 1;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String problem = BackendChecks.requestProblem();
        if (problem != null) spec.commandLine().getErr().println("ibinit: warning: " + problem + " (selfcheck checks every backend regardless)");
        boolean ok = true;
        for (BackendChecks.Check c : BackendChecks.selfCheck(size, seed)) {
            out.printf("%-5s gemm %dx%dx%d max relative error %.2e %s; philox streams %s%n", c.backend(), size, size, size,
                    c.gemmError(), c.gemmOk() ? "OK" : "FAIL", c.streamsIdentical() ? "identical OK" : "DIFFER FAIL");
            ok &= c.ok();
        }
        out.println(ok ? "selfcheck passed" : "selfcheck FAILED");
        out.flush();
        return ok ? 0 : 1;
    }
}
