package ibinit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ibinit data fetch} against a mirror on 127.0.0.1 serving Debian's Fashion-MNIST files (never a real host). */
@Timeout(120)
class DataCommandTest {
    static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");
    static final List<String> FILES = List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");
    @TempDir Path dir;

    @Test
    void fetchDownloadsVerifiesAndKeepsGoodFiles() throws IOException {
        assumeTrue(Files.isRegularFile(FASHION.resolve(FILES.getFirst())), "Debian's dataset-fashion-mnist is not installed");
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        for (String f : FILES) {
            byte[] body = Files.readAllBytes(FASHION.resolve(f));
            server.createContext("/fm/" + f, ex -> {
                requests.incrementAndGet();
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            });
        }
        byte[] bad = "not the data".getBytes();
        server.createContext("/bad/", ex -> {
            ex.sendResponseHeaders(200, bad.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bad);
            }
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path target = dir.resolve("fm");
            CliRun r = CliRun.of("data", "fetch", "fashion-mnist", "--data-dir", target.toString(), "--mirror", base + "fm");
            assertEquals(0, r.exit(), r.err());
            assertEquals(4, requests.get());
            assertTrue(r.out().contains("downloaded and verified " + target.resolve(FILES.getFirst())), r.out());
            for (String f : FILES) assertEquals(Files.size(FASHION.resolve(f)), Files.size(target.resolve(f)));
            CliRun again = CliRun.of("data", "fetch", "fashion-mnist", "--data-dir", target.toString(), "--mirror", base + "fm");
            assertEquals(0, again.exit(), again.err());
            assertEquals(4, requests.get(), "verified files are not fetched again");
            assertTrue(again.out().contains("already there, verified"), again.out());

            Path other = dir.resolve("other");
            CliRun tampered = CliRun.of("data", "fetch", "fashion-mnist", "--data-dir", other.toString(), "--mirror", base + "bad");
            assertEquals(2, tampered.exit());
            assertTrue(tampered.err().lines().anyMatch(l -> l.startsWith("ibinit: ") && l.contains("checksum mismatch")), tampered.err());
            assertFalse(tampered.err().contains("\tat "), tampered.err());
            assertFalse(Files.exists(other.resolve(FILES.getFirst())), "a file that fails its check is not kept");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnknownDataSetIsOneLine() {
        CliRun r = CliRun.of("data", "fetch", "cifar", "--data-dir", dir.toString());
        assertEquals(2, r.exit());
        assertEquals("ibinit: no downloadable files are known for data set 'cifar'; known: fashion-mnist, mnist", r.err().strip());
    }
}
