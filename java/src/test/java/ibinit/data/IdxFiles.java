package ibinit.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files for tests: well-formed ones, and raw bytes for malformed ones. */
final class IdxFiles {
    private IdxFiles() { }

    /** Header (unsigned-byte type) plus payload. */
    static byte[] idx(int[] dims, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0, 0, 0x08, (byte) dims.length});
        for (int d : dims) out.writeBytes(new byte[] {(byte) (d >>> 24), (byte) (d >>> 16), (byte) (d >>> 8), (byte) d});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Header (float32 type) plus big-endian payload. */
    static byte[] idxFloat(int[] dims, float[] values) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 + 4 * dims.length + 4 * values.length);
        b.put(new byte[] {0, 0, 0x0D, (byte) dims.length});
        for (int d : dims) b.putInt(d);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    static Path write(Path file, byte[] bytes, boolean gzip) throws IOException {
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    /** Images count x rows x cols with pixel (i, k) = (i * 7 + k) mod 256, labels i mod classes. */
    static void writePair(Path images, Path labels, int count, int rows, int cols, int classes, boolean gzip) throws IOException {
        byte[] px = new byte[count * rows * cols];
        for (int i = 0; i < px.length; i++) px[i] = (byte) ((i / (rows * cols)) * 7 + i % (rows * cols));
        byte[] y = new byte[count];
        for (int i = 0; i < count; i++) y[i] = (byte) (i % classes);
        write(images, idx(new int[] {count, rows, cols}, px), gzip);
        write(labels, idx(new int[] {count}, y), gzip);
    }
}
