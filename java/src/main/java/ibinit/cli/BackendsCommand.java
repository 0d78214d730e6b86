package ibinit.cli;

import ibinit.backend.ThreadPolicy;
import ibinit.experiment.BackendChecks;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ibinit backends}: one line per backend, available or why not. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the numeric backends and whether each can run here (always exits 0).")
final class BackendsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (String line : BackendChecks.availability()) out.println(line);
        String problem = BackendChecks.requestProblem();
        if (problem != null) out.println("# warning: " + problem + "; commands with --backend auto will refuse to run");
        out.println("# " + ThreadPolicy.describe());
        out.flush();
        return 0;
    }
}
