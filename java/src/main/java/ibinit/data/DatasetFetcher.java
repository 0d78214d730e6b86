package ibinit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a data set's known files into a folder: each file already there with a known checksum is
 * kept, every other one is downloaded from {@code baseUrl} and verified by {@link Downloader}.
 */
public final class DatasetFetcher {
    private final Downloader downloader;

    public DatasetFetcher(Downloader downloader) { this.downloader = downloader; }

    /** What happened to one file. */
    public record Outcome(Path file, boolean downloaded) { }

    /** Fetches every known file of {@code dataset} into {@code dir}; a failure stops at that file. */
    public List<Outcome> fetch(String dataset, Path dir, String baseUrl, DownloadProgress progress) {
        List<Outcome> outcomes = new ArrayList<>();
        for (KnownFile f : KnownFiles.forDataset(dataset)) {
            Path target = dir.resolve(f.fileName());
            if (Files.isRegularFile(target) && f.checksums().stream().anyMatch(c -> c.matches(target))) {
                outcomes.add(new Outcome(target, false));
                continue;
            }
            downloader.download(Mirrors.resolve(baseUrl, f.fileName()), target, f.checksums(), progress);
            outcomes.add(new Outcome(target, true));
        }
        return outcomes;
    }

    /** As above, from the configured mirror ({@link Mirrors#baseUrl}). */
    public List<Outcome> fetch(String dataset, Path dir, DownloadProgress progress) {
        return fetch(dataset, dir, Mirrors.baseUrl(dataset), progress);
    }
}
