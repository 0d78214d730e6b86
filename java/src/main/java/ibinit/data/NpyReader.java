package ibinit.data;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Parses NumPy's {@code .npy} format (versions 1, 2 and 3): the magic {@code \x93NUMPY}, a major
 * and minor version byte, the header length (2 bytes little-endian in version 1, 4 in 2 and 3),
 * a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (100, 784), }},
 * then the data. Numeric dtypes of one element (f4, f8, i1..i8, u1..u8, either byte order) are
 * read; a Fortran-ordered array of rank 2 is transposed to row-major order. The data must be
 * exactly what the shape promises: a short or over-long file is an error.
 */
final class NpyReader {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() { }

    /** Parses a whole {@code .npy} file held in {@code bytes}; {@code source} names it in messages. */
    static NpyArray parse(byte[] bytes, String source) {
        if (bytes.length < 10 || !Arrays.equals(bytes, 0, 6, MAGIC, 0, 6)) {
            throw new DatasetException(source + ": not a .npy file (it does not start with \\x93NUMPY)"
                    + (bytes.length < 10 ? "; it has only " + bytes.length + " bytes" : ""));
        }
        int major = bytes[6];
        int headerLength, headerStart;
        if (major == 1) {
            headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw new DatasetException(source + ": truncated header");
            headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8 | (bytes[10] & 0xff) << 16 | (bytes[11] & 0xff) << 24;
            headerStart = 12;
        } else {
            throw new DatasetException(source + ": .npy format version " + major + " is not supported (1, 2 and 3 are)");
        }
        if (headerLength < 0 || headerStart + (long) headerLength > bytes.length) {
            throw new DatasetException(source + ": truncated header: it promises " + Integer.toUnsignedString(headerLength)
                    + " bytes, the file has " + (bytes.length - headerStart) + " after the preamble");
        }
        String header = new String(bytes, headerStart, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        if (!d.find()) {
            throw new DatasetException(source + ": dtype " + descrText(header) + " is not supported; use a plain numeric dtype"
                    + " (float32, float64, uint8, an integer type for labels)");
        }
        char kind = d.group(2).charAt(0);
        int itemBytes = Integer.parseInt(d.group(3));
        String descr = d.group(1) + d.group(2) + d.group(3);
        boolean numeric = (kind == 'f' && (itemBytes == 4 || itemBytes == 8))
                || ((kind == 'i' || kind == 'u') && (itemBytes == 1 || itemBytes == 2 || itemBytes == 4 || itemBytes == 8));
        if (!numeric) {
            throw new DatasetException(source + ": dtype '" + descr + "' is not supported; use float32, float64, uint8"
                    + " or an integer type for labels");
        }
        ByteOrder order = d.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!f.find() || !s.find()) throw new DatasetException(source + ": header without 'fortran_order' or 'shape': " + header.trim());
        int[] shape = parseShape(s.group(1), source);
        long elements = 1;
        for (int n : shape) elements *= n;
        long expected = elements * itemBytes;
        int dataStart = headerStart + headerLength;
        long found = bytes.length - (long) dataStart;
        String promise = "header promises " + shapeText(shape) + " " + descr + " = " + expected + " data bytes";
        if (expected > Integer.MAX_VALUE - 8) throw new DatasetException(source + ": " + promise + ", more than a Java array holds");
        if (found < expected) throw new DatasetException(source + ": truncated: " + promise + ", found " + found);
        if (found > expected) throw new DatasetException(source + ": trailing data: " + promise + ", found " + (found - expected));
        byte[] data = Arrays.copyOfRange(bytes, dataStart, dataStart + (int) expected);
        if (f.group(1).equals("True") && shape.length > 1) {
            if (shape.length > 2) {
                throw new DatasetException(source + ": a Fortran-ordered array of rank " + shape.length
                        + " is not supported; save np.ascontiguousarray(a)");
            }
            data = transpose(data, shape[1], shape[0], itemBytes);
        }
        return new NpyArray(source, descr, kind, itemBytes, order, shape, data);
    }

    /** Reads a file and parses it. */
    static NpyArray read(java.nio.file.Path file) {
        try {
            return parse(java.nio.file.Files.readAllBytes(file), file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new DatasetException(file + ": no such file");
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot read: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new DatasetException(file + ": too large to read into memory");
        }
    }

    private static int[] parseShape(String text, String source) {
        String[] parts = text.split(",");
        int[] shape = Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty()).mapToInt(p -> {
            try {
                long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (v < 0 || v > Integer.MAX_VALUE) throw new NumberFormatException();
                return (int) v;
            } catch (NumberFormatException e) {
                throw new DatasetException(source + ": shape (" + text + ") has a bad dimension '" + p + "'");
            }
        }).toArray();
        if (shape.length == 0) throw new DatasetException(source + ": a scalar (shape ()) is not a data array");
        return shape;
    }

    /** Column-major rows x cols (as stored: cols runs of rows) to row-major. */
    private static byte[] transpose(byte[] data, int cols, int rows, int itemBytes) {
        byte[] out = new byte[data.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, (c * rows + r) * itemBytes, out, (r * cols + c) * itemBytes, itemBytes);
            }
        }
        return out;
    }

    private static String descrText(String header) {
        Matcher m = Pattern.compile("'descr'\\s*:\\s*([^,}]*(?:\\)\\])?)").matcher(header);
        return m.find() ? m.group(1).trim() : "(none in the header)";
    }

    static String shapeText(int[] shape) {
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining("x"));
    }
}
