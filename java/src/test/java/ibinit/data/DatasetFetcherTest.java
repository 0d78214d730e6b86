package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fetching Fashion-MNIST from a loopback mirror that serves Debian's copies of the files. */
@Timeout(60)
class DatasetFetcherTest {
    @TempDir Path dir;
    private final DatasetFetcher fetcher = new DatasetFetcher(new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(10)));

    @Test
    void fetchesVerifiesAndSkipsFilesAlreadyGood() throws IOException {
        Path source = TestData.fashionMnistDir();
        try (LoopbackServer mirror = new LoopbackServer()) {
            for (KnownFile f : KnownFiles.forDataset("fashion-mnist")) {
                mirror.serve("/fm/" + f.fileName(), Files.readAllBytes(source.resolve(f.fileName())));
            }
            List<DatasetFetcher.Outcome> first = fetcher.fetch("fashion-mnist", dir, mirror.baseUrl() + "fm", DownloadProgress.NONE);
            assertEquals(4, first.size());
            assertTrue(first.stream().allMatch(DatasetFetcher.Outcome::downloaded));
            assertEquals(4, mirror.requests.get());

            List<DatasetFetcher.Outcome> second = fetcher.fetch("fashion-mnist", dir, mirror.baseUrl() + "fm", DownloadProgress.NONE);
            assertFalse(second.stream().anyMatch(DatasetFetcher.Outcome::downloaded));
            assertEquals(4, mirror.requests.get(), "files already verified must not be fetched again");
        }
        DataSplit s = Datasets.load("fashion-mnist", DataOptions.of("dataDir", dir.toString()));
        assertEquals(60000, s.train().size());
    }

    @Test
    void tamperedMirrorFileIsRefused() {
        try (LoopbackServer mirror = new LoopbackServer()) {
            mirror.serve("/train-images-idx3-ubyte.gz", "not the data".getBytes());
            DatasetException e = assertThrows(DatasetException.class,
                    () -> fetcher.fetch("fashion-mnist", dir, mirror.baseUrl(), DownloadProgress.NONE));
            assertTrue(e.getMessage().contains("checksum mismatch: expected MD5 8d4fb7e6c68d591d4c3dfef9ec88bf0d or SHA-256 "),
                    e.getMessage());
            assertFalse(Files.exists(dir.resolve("train-images-idx3-ubyte.gz")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
