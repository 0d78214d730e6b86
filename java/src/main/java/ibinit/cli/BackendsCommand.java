package ibinit.cli;

import ibinit.backend.Backends;
import ibinit.backend.ThreadPolicy;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ibinit backends}: one line per backend, available or why not. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the numeric backends and whether each can run here (always exits 0).")
final class BackendsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        for (Backends.Probe p : Backends.probeAll()) out.println(p.line());
        out.println("# " + ThreadPolicy.describe());
        out.flush();
        return 0;
    }
}
