package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DownloaderTest {
    @TempDir Path dir;
    private LoopbackServer server;
    private final Downloader downloader = new Downloader(HttpClient.newHttpClient(), Duration.ofSeconds(10));
    private final byte[] body = new byte[300_000];

    @BeforeEach
    void start() throws IOException {
        new SplittableRandom(9).nextBytes(body);
        server = new LoopbackServer().serve("/file.bin", body).serveShort("/short.bin", body, 1000).status("/gone.bin", 404);
    }

    @AfterEach
    void stop() { server.close(); }

    private URI uri(String name) { return URI.create(server.baseUrl() + name); }

    private static Checksum digest(byte[] b, Checksum.Algorithm a) throws Exception {
        return new Checksum(a, HexFormat.of().formatHex(MessageDigest.getInstance(a.javaName).digest(b)));
    }

    private List<Path> filesInDir() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws Exception {
        List<long[]> updates = new ArrayList<>();
        Path target = dir.resolve("sub/file.bin");
        downloader.download(uri("file.bin"), target, digest(body, Checksum.Algorithm.SHA_256),
                (soFar, total) -> updates.add(new long[] {soFar, total}));
        assertArrayEquals(body, Files.readAllBytes(target));
        assertTrue(updates.size() > 1, "expected several progress updates, got " + updates.size());
        assertArrayEquals(new long[] {body.length, body.length}, updates.getLast());
        try (Stream<Path> s = Files.list(target.getParent())) { assertEquals(List.of(target), s.toList()); }
    }

    @Test
    void acceptsAnyListedChecksumIncludingMd5() throws Exception {
        Path target = dir.resolve("file.bin");
        downloader.download(uri("file.bin"), target,
                List.of(Checksum.sha256("00".repeat(32)), digest(body, Checksum.Algorithm.MD5)), DownloadProgress.NONE);
        assertArrayEquals(body, Files.readAllBytes(target));
    }

    @Test
    void checksumMismatchLeavesNoFileAndKeepsOldTarget() throws Exception {
        Path fresh = dir.resolve("fresh.bin");
        Checksum wrong = Checksum.md5("0123456789abcdef0123456789abcdef");
        DatasetException e = assertThrows(DatasetException.class,
                () -> downloader.download(uri("file.bin"), fresh, wrong, DownloadProgress.NONE));
        assertTrue(e.getMessage().contains("checksum mismatch: expected MD5 0123456789abcdef0123456789abcdef, got MD5 "
                + digest(body, Checksum.Algorithm.MD5).hex()), e.getMessage());
        assertEquals(List.of(), filesInDir());

        Path old = Files.writeString(dir.resolve("old.bin"), "previous good copy");
        assertThrows(DatasetException.class, () -> downloader.download(uri("file.bin"), old, wrong, DownloadProgress.NONE));
        assertEquals("previous good copy", Files.readString(old));
        assertEquals(List.of(old), filesInDir());
    }

    @Test
    void connectionClosedEarlyLeavesNoFile() throws Exception {
        DatasetException e = assertThrows(DatasetException.class, () -> downloader.download(uri("short.bin"),
                dir.resolve("short.bin"), digest(body, Checksum.Algorithm.SHA_256), DownloadProgress.NONE));
        assertTrue(e.getMessage().contains("transfer broken"), e.getMessage());
        assertTrue(e.getMessage().contains("of " + (body.length + 1000) + " bytes"), e.getMessage());
        assertEquals(List.of(), filesInDir());
    }

    @Test
    void httpErrorIsClearAndLeavesNoFile() {
        DatasetException e = assertThrows(DatasetException.class, () -> downloader.download(uri("gone.bin"),
                dir.resolve("gone.bin"), Checksum.md5("0".repeat(32)), DownloadProgress.NONE));
        assertEquals("GET " + uri("gone.bin") + ": HTTP 404 (expected 200); nothing written", e.getMessage());
        assertEquals(List.of(), filesInDir());
    }
}
