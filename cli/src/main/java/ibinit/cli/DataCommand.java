package ibinit.cli;

import ibinit.data.DatasetFetcher;
import ibinit.data.Downloader;
import ibinit.data.DownloadProgress;
import ibinit.data.KnownFiles;
import ibinit.data.Mirrors;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ibinit data fetch NAME}: downloads a named data set's files and verifies their checksums. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Data sets: fetch the files of a named one.",
        subcommands = DataCommand.Fetch.class)
final class DataCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: fetch");
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Download the files of data set NAME (fashion-mnist or mnist) into --data-dir and check each against its "
                    + "published checksum; files already there with a good checksum are kept. A file that fails the check is not kept.",
                    "Then use the data with --dataset NAME --data-dir DIR.",
                    "Exit codes: 0 every file present and verified, 2 a mistake or a failed download or check (one line says which)."})
    static final class Fetch implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "fashion-mnist or mnist.")
        String name;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder to put the files in. Default: data/NAME.")
        Path dataDir;

        @Option(names = "--mirror", paramLabel = "URL",
                description = "Base URL to download from. Default: the data set's published location (or -Dibinit.mirror.NAME, "
                        + "IBINIT_MIRROR_NAME).")
        String mirror;

        @Override
        public Integer call() {
            KnownFiles.forDataset(name); // an unknown name fails here, before anything is created
            Path dir = dataDir != null ? dataDir : Path.of("data", name);
            PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
            DatasetFetcher fetcher = new DatasetFetcher(new Downloader());
            List<DatasetFetcher.Outcome> outcomes = fetcher.fetch(name, dir, mirror != null ? mirror : Mirrors.baseUrl(name),
                    new DownloadProgress() {
                        @Override public void update(long soFar, long total) { }

                        @Override public void started(URI uri, Path target) {
                            err.println("fetching " + uri + " -> " + target);
                            err.flush();
                        }
                    });
            for (DatasetFetcher.Outcome o : outcomes) {
                out.println((o.downloaded() ? "downloaded and verified " : "already there, verified ") + o.file());
            }
            out.println("use it with: --dataset " + name + " --data-dir " + dir);
            out.flush();
            return 0;
        }
    }
}
