package ibinit.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (LeCun's format for MNIST: magic {@code 00 00 <type> <rank>}, then {@code rank}
 * big-endian 32-bit dimension sizes, then the payload), gzip-compressed or plain. Compression is
 * detected from the first two bytes ({@code 1f 8b}), never from the file name.
 *
 * <p>Element types 0x08 (unsigned byte: MNIST's images and labels) and 0x0D (float32, big-endian,
 * for features that are not pixels) are supported. The payload must be exactly the product of the
 * dimensions times the element size: a short file or trailing bytes are errors, so data is never
 * silently cut or padded.
 */
public final class IdxReader {
    public static final int TYPE_UNSIGNED_BYTE = 0x08;
    public static final int TYPE_FLOAT32 = 0x0D;
    /** Largest array the JVM reliably allocates. */
    private static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

    private IdxReader() { }

    /** Reads a whole IDX file; any fault becomes a {@link DatasetException} naming {@code file}. */
    public static IdxArray read(Path file) {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(raw, name);
        } catch (NoSuchFileException e) {
            throw new DatasetException(name + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #read(Path)}, but a gzip-compressed file is read through its decompressed copy in
     * the user cache ({@link DecompressedCache}): the same array without inflating it again. A copy
     * that does not parse is dropped and the file itself read, so errors always name {@code file}.
     */
    public static IdxArray readCached(Path file) {
        java.util.Optional<Path> copy = DecompressedCache.plainCopyOf(file);
        if (copy.isPresent()) {
            try {
                return read(copy.get());
            } catch (DatasetException e) {
                DecompressedCache.discard(copy.get());
            }
        }
        return read(file);
    }

    /**
     * Reads an IDX stream to its end; {@code name} is used in error messages. The caller closes
     * {@code in}.
     */
    public static IdxArray read(InputStream in, String name) throws IOException {
        if (!in.markSupported()) in = new BufferedInputStream(in); // to peek at the gzip magic
        boolean gzip = startsWithGzipMagic(in);
        Counting counted = new Counting(gzip ? gunzip(in, name) : in);
        Parse parse = new Parse(name, counted);
        try {
            return parse.run();
        } catch (EOFException e) {
            // GZIPInputStream throws this when the compressed data stops early.
            throw parse.fail("truncated gzip stream: it ends after " + counted.count + " decompressed bytes"
                    + parse.promiseSuffix());
        } catch (ZipException e) {
            throw parse.fail("corrupt gzip data after " + counted.count + " decompressed bytes (" + e.getMessage() + ")");
        }
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b;
    }

    private static InputStream gunzip(InputStream in, String name) throws IOException {
        try {
            return new GZIPInputStream(in, 1 << 16);
        } catch (EOFException e) {
            throw new DatasetException(name + ": truncated gzip header");
        } catch (ZipException e) {
            throw new DatasetException(name + ": corrupt gzip header (" + e.getMessage() + ")");
        }
    }

    /** One pass over one stream; remembers what the header promised for later messages. */
    private static final class Parse {
        private final String name;
        private final InputStream in;
        private String promise;

        Parse(String name, InputStream in) { this.name = name; this.in = in; }

        IdxArray run() throws IOException {
            byte[] magic = new byte[4];
            int got = readFully(magic);
            if (got == 0) throw fail("empty file: no IDX header");
            if (got < 4) throw fail("truncated header: 4 magic bytes expected, found " + got);
            if (magic[0] != 0 || magic[1] != 0) {
                throw fail(String.format("bad magic %02x %02x %02x %02x: an IDX file starts with 00 00 <type> <rank>",
                        magic[0], magic[1], magic[2], magic[3]));
            }
            int type = magic[2] & 0xff;
            if (type != TYPE_UNSIGNED_BYTE && type != TYPE_FLOAT32) {
                throw fail(String.format("element type 0x%02x (%s) is not supported; only 0x08 (unsigned byte) and"
                        + " 0x0D (float32) are", type, typeName(type)));
            }
            int rank = magic[3] & 0xff;
            if (rank == 0) throw fail("header declares 0 dimensions");
            int[] dims = readDims(rank);
            byte[] data = new byte[(int) payloadBytes(dims, IdxArray.elementBytes(type))];
            got = readFully(data);
            if (got < data.length) throw fail("truncated: " + promise + ", found " + got);
            long extra = drain();
            if (extra > 0) throw fail("trailing data: " + promise + ", found " + extra + " more after them");
            return new IdxArray(type, dims, data);
        }

        private int[] readDims(int rank) throws IOException {
            byte[] raw = new byte[4 * rank];
            int got = readFully(raw);
            if (got < raw.length) {
                throw fail("truncated header: " + rank + " dimension sizes (" + raw.length + " bytes) expected, found " + got + " bytes");
            }
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                long d = ((raw[4 * i] & 0xffL) << 24) | ((raw[4 * i + 1] & 0xff) << 16) | ((raw[4 * i + 2] & 0xff) << 8) | (raw[4 * i + 3] & 0xff);
                if (d > MAX_PAYLOAD) throw fail("dimension " + i + " is " + d + ", too large");
                dims[i] = (int) d;
            }
            return dims;
        }

        private long payloadBytes(int[] dims, int elementBytes) {
            long product = elementBytes;
            for (int d : dims) {
                if (d != 0 && product > MAX_PAYLOAD / d) {
                    throw fail("header promises " + IdxArray.shapeText(dims) + " elements, more than a Java array holds");
                }
                product *= d;
            }
            promise = "header promises " + IdxArray.shapeText(dims) + (elementBytes == 1 ? "" : " x " + elementBytes)
                    + " = " + product + " bytes";
            return product;
        }

        String promiseSuffix() { return promise == null ? " (inside the header)" : "; " + promise; }

        DatasetException fail(String fault) { return new DatasetException(name + ": " + fault); }

        private int readFully(byte[] buf) throws IOException {
            int total = 0;
            while (total < buf.length) {
                int n = in.read(buf, total, buf.length - total);
                if (n < 0) break;
                total += n;
            }
            return total;
        }

        private long drain() throws IOException {
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buf)) >= 0; ) total += n;
            return total;
        }
    }

    static String typeName(int type) {
        return switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "int16";
            case 0x0C -> "int32";
            case 0x0D -> "float32";
            case 0x0E -> "float64";
            default -> "not an IDX type";
        };
    }

    /** Counts decompressed bytes so a broken gzip stream can be reported with a position. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) { super(in); }

        @Override public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
