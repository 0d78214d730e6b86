package ibinit.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Downloads a URL to a file only if its bytes match a known checksum. The body streams to a
 * hidden temp file in the target's folder while being digested; only when the length and a
 * checksum match is the temp file moved into place with {@code ATOMIC_MOVE} (same folder, so one
 * rename). On any failure (HTTP status other than 200, a transfer cut short, a mismatch,
 * interruption) the temp file is deleted, an existing target is left untouched and a
 * {@link DatasetException} says what happened.
 */
public final class Downloader {
    private final HttpClient client;
    private final Duration requestTimeout;

    /** A client that follows redirects (mirrors often redirect), with 30 s connect and 60 s header timeouts. */
    public Downloader() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build(), Duration.ofSeconds(60));
    }

    /** {@code requestTimeout} bounds the wait for the response headers, not the body. */
    public Downloader(HttpClient client, Duration requestTimeout) {
        this.client = client;
        this.requestTimeout = requestTimeout;
    }

    public Path download(URI uri, Path target, Checksum expected, DownloadProgress progress) {
        return download(uri, target, List.of(expected), progress);
    }

    /**
     * Downloads {@code uri} to {@code target}, accepting the bytes if they match any of
     * {@code accepted} (a file may have several known-good packagings). Returns {@code target}.
     */
    public Path download(URI uri, Path target, List<Checksum> accepted, DownloadProgress progress) {
        if (accepted.isEmpty()) throw new IllegalArgumentException("no checksum to verify " + uri + " against");
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        boolean done = false;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            progress.started(uri, target);
            Map<Checksum.Algorithm, String> got = fetchInto(uri, temp, accepted, progress);
            if (accepted.stream().noneMatch(c -> c.hex().equals(got.get(c.algorithm())))) {
                throw new DatasetException("GET " + uri + ": checksum mismatch: expected " + describe(accepted)
                        + ", got " + got.entrySet().stream().map(e -> e.getKey().javaName + " " + e.getValue())
                        .collect(Collectors.joining(" / ")) + "; nothing written to " + target);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            done = true;
            return target;
        } catch (IOException e) {
            throw new DatasetException("GET " + uri + " -> " + target + ": " + e, e);
        } finally {
            if (!done && temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The primary failure is already being thrown; a leftover .part is harmless and hidden.
                }
            }
        }
    }

    /** Streams the body into {@code temp}; returns the hex digest per algorithm in {@code accepted}. */
    private Map<Checksum.Algorithm, String> fetchInto(URI uri, Path temp, List<Checksum> accepted, DownloadProgress progress)
            throws IOException {
        Map<Checksum.Algorithm, MessageDigest> digests = new EnumMap<>(Checksum.Algorithm.class);
        for (Checksum c : accepted) digests.computeIfAbsent(c.algorithm(), Checksum.Algorithm::newDigest);
        HttpResponse<InputStream> response = send(uri);
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long soFar = 0;
        try (InputStream body = response.body();
             FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            if (response.statusCode() != 200) {
                throw new DatasetException("GET " + uri + ": HTTP " + response.statusCode() + " (expected 200); nothing written");
            }
            byte[] buf = new byte[1 << 16];
            try {
                for (int n; (n = body.read(buf)) >= 0; ) {
                    for (MessageDigest md : digests.values()) md.update(buf, 0, n);
                    out.write(ByteBuffer.wrap(buf, 0, n));
                    soFar += n;
                    progress.update(soFar, total);
                }
            } catch (IOException e) {
                throw new DatasetException("GET " + uri + ": transfer broken after " + soFar + " of "
                        + (total < 0 ? "?" : total) + " bytes (" + e.getMessage() + "); nothing written", e);
            }
            if (total >= 0 && soFar != total) {
                throw new DatasetException("GET " + uri + ": transfer broken: got " + soFar + " of " + total + " bytes; nothing written");
            }
            out.force(true); // the rename must never publish a file whose bytes are not on disk
        }
        Map<Checksum.Algorithm, String> hex = new EnumMap<>(Checksum.Algorithm.class);
        digests.forEach((a, md) -> hex.put(a, HexFormat.of().formatHex(md.digest())));
        return hex;
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("GET " + uri + ": interrupted; nothing written", e);
        }
    }

    private static String describe(List<Checksum> accepted) {
        return accepted.stream().map(Checksum::toString).collect(Collectors.joining(" or "));
    }
}
