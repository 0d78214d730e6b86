package ibinit.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An expected digest of a file, with its algorithm named (SHA-256, or MD5 where only MD5 is published). */
public record Checksum(Algorithm algorithm, String hex) {
    public enum Algorithm {
        MD5("MD5", 32), SHA_256("SHA-256", 64);

        /** Name for {@link MessageDigest#getInstance} and for messages. */
        public final String javaName;
        final int hexLength;

        Algorithm(String javaName, int hexLength) { this.javaName = javaName; this.hexLength = hexLength; }

        public MessageDigest newDigest() {
            try {
                return MessageDigest.getInstance(javaName);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(javaName + " is required of every JDK", e);
            }
        }
    }

    public Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        if (hex.length() != algorithm.hexLength || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException(algorithm.javaName + " digest must be " + algorithm.hexLength + " hex digits, got '" + hex + "'");
        }
    }

    public static Checksum md5(String hex) { return new Checksum(Algorithm.MD5, hex); }

    public static Checksum sha256(String hex) { return new Checksum(Algorithm.SHA_256, hex); }

    /** The digest of {@code file} with {@code algorithm}. */
    public static Checksum of(Path file, Algorithm algorithm) {
        MessageDigest md = algorithm.newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read for " + algorithm.javaName + ": " + e.getMessage(), e);
        }
        return new Checksum(algorithm, HexFormat.of().formatHex(md.digest()));
    }

    /** Whether {@code file} has this digest. */
    public boolean matches(Path file) { return of(file, algorithm).equals(this); }

    @Override public String toString() { return algorithm.javaName + " " + hex; }
}
