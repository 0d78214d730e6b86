package ibinit.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (https://github.com/huggingface/safetensors), float32 tensors only:
 * <pre>
 *   8 bytes     N, the header length, unsigned little-endian
 *   N bytes     JSON header: {"NAME": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...,
 *               "__metadata__": {"key": "value", ...}}, padded with spaces so that N is a multiple of 8
 *   rest        the tensors' bytes, little-endian, back to back; offsets count from the start of this part
 * </pre>
 * The writer keeps the given tensor order; the reader accepts any order but, as the reference
 * implementation, requires the tensors to tile the data part exactly (no gaps, no overlap).
 */
public final class SafeTensors {
    /** The reference implementation's cap on the header size. */
    static final long MAX_HEADER = 100L << 20;

    /** One tensor: a name, a shape and its values in row-major order. */
    public record Entry(String name, int[] shape, float[] values) {
        public Entry {
            long n = 1;
            for (int d : shape) {
                if (d < 0) throw new IllegalArgumentException("tensor " + name + " has a negative dimension " + Arrays.toString(shape));
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " has " + values.length + " values");
            }
        }
    }

    /** What a file holds: its tensors by name, in header order, and its metadata. */
    public record Contents(Map<String, Entry> tensors, Map<String, String> metadata) { }

    private SafeTensors() { }

    /** Writes the tensors (in the given order) and metadata; the file appears whole or not at all. */
    public static void write(Path file, List<Entry> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        long dataBytes = 0;
        for (Entry e : tensors) dataBytes += 4L * e.values().length;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + header.length + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header);
        for (Entry e : tensors) {
            for (float v : e.values()) buf.putFloat(v);
        }
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            Files.write(tmp, buf.array());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The JSON header, padded with spaces to a multiple of 8 bytes. */
    static byte[] header(List<Entry> tensors, Map<String, String> metadata) {
        StringBuilder b = new StringBuilder("{");
        long offset = 0;
        List<String> seen = new ArrayList<>();
        for (Entry e : tensors) {
            if (e.name().equals("__metadata__") || seen.contains(e.name())) {
                throw new IllegalArgumentException("tensor name " + e.name() + " is reserved or used twice");
            }
            seen.add(e.name());
            long end = offset + 4L * e.values().length;
            if (b.length() > 1) b.append(',');
            b.append(Json.quote(e.name())).append(":{\"dtype\":\"F32\",\"shape\":[");
            for (int i = 0; i < e.shape().length; i++) b.append(i > 0 ? "," : "").append(e.shape()[i]);
            b.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
        }
        if (!metadata.isEmpty()) {
            if (b.length() > 1) b.append(',');
            b.append("\"__metadata__\":{");
            boolean first = true;
            for (var m : metadata.entrySet()) {
                b.append(first ? "" : ",").append(Json.quote(m.getKey())).append(':').append(Json.quote(m.getValue()));
                first = false;
            }
            b.append('}');
        }
        b.append('}');
        byte[] json = b.toString().getBytes(StandardCharsets.UTF_8);
        byte[] padded = Arrays.copyOf(json, (json.length + 7) / 8 * 8);
        Arrays.fill(padded, json.length, padded.length, (byte) ' ');
        return padded;
    }

    /** Reads a file; errors name the file and what is wrong with it. */
    public static Contents read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("weights file " + file + " is not valid safetensors: " + e.getMessage(), e);
        }
    }

    static Contents parse(byte[] bytes) {
        if (bytes.length < 8) throw new IllegalArgumentException("it has " + bytes.length + " bytes, fewer than the 8 of the header length");
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = buf.getLong(0);
        if (n < 2 || n > MAX_HEADER || n > bytes.length - 8) {
            throw new IllegalArgumentException("header length " + Long.toUnsignedString(n) + " does not fit a file of " + bytes.length + " bytes");
        }
        String json = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        if (!json.startsWith("{")) throw new IllegalArgumentException("the header does not start with '{'");
        if (!(Json.parse(json) instanceof Map<?, ?> header)) throw new IllegalArgumentException("the header is not a JSON object");
        long dataStart = 8 + n, dataBytes = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        record Span(String name, long begin, long end) { }
        List<Span> spans = new ArrayList<>();
        Map<String, Entry> tensors = new LinkedHashMap<>();
        for (var e : header.entrySet()) {
            String name = (String) e.getKey();
            if (name.equals("__metadata__")) {
                if (!(e.getValue() instanceof Map<?, ?> m)) throw new IllegalArgumentException("__metadata__ is not an object");
                for (var kv : m.entrySet()) {
                    if (!(kv.getValue() instanceof String s)) throw new IllegalArgumentException("metadata " + kv.getKey() + " is not a string");
                    metadata.put((String) kv.getKey(), s);
                }
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> info)) throw new IllegalArgumentException("tensor " + name + " is not described by an object");
            Object dtype = info.get("dtype");
            if (!"F32".equals(dtype)) throw new IllegalArgumentException("tensor " + name + " has dtype " + dtype + "; ibinit reads F32 only");
            long[] dims = longs(info.get("shape"), name, "shape");
            long[] offsets = longs(info.get("data_offsets"), name, "data_offsets");
            if (offsets.length != 2) throw new IllegalArgumentException("tensor " + name + ": data_offsets must hold [begin, end]");
            int[] shape = new int[dims.length];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                if (dims[i] > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor " + name + ": dimension " + dims[i] + " is too large");
                shape[i] = (int) dims[i];
                count = Math.multiplyExact(count, dims[i]);
            }
            if (offsets[1] < offsets[0] || offsets[1] > dataBytes || offsets[1] - offsets[0] != 4 * count) {
                throw new IllegalArgumentException("tensor " + name + ": data_offsets " + Arrays.toString(offsets) + " do not hold "
                        + count + " F32 values within the " + dataBytes + " data bytes");
            }
            float[] values = new float[(int) count];
            buf.slice((int) (dataStart + offsets[0]), 4 * (int) count).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
            requireFinite(name, shape, values);
            spans.add(new Span(name, offsets[0], offsets[1]));
            tensors.put(name, new Entry(name, shape, values));
        }
        spans.sort((a, b) -> Long.compare(a.begin(), b.begin()));
        long expected = 0;
        for (Span s : spans) {
            if (s.begin() != expected) {
                throw new IllegalArgumentException("tensor " + s.name() + " starts at byte " + s.begin() + " of the data, expected " + expected
                        + " (tensors must follow each other without gaps or overlap)");
            }
            expected = s.end();
        }
        if (expected != dataBytes) throw new IllegalArgumentException("the tensors cover " + expected + " of " + dataBytes + " data bytes");
        return new Contents(tensors, metadata);
    }

    /** A NaN or infinite value would train silently to chance accuracy (ReLU drops NaN): refuse it, naming where it is. */
    private static void requireFinite(String name, int[] shape, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("tensor " + name + " holds " + values[i] + " at " + position(shape, i)
                        + "; weights must be finite numbers");
            }
        }
    }

    /** Flat index i of a tensor of this shape as [i0, i1, ...]. */
    private static String position(int[] shape, int i) {
        int[] at = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = shape[d] == 0 ? 0 : i % shape[d];
            i = shape[d] == 0 ? i : i / shape[d];
        }
        return Arrays.toString(at);
    }

    private static long[] longs(Object v, String name, String field) {
        if (!(v instanceof List<?> list)) throw new IllegalArgumentException("tensor " + name + ": " + field + " is not a list");
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l) || l < 0) {
                throw new IllegalArgumentException("tensor " + name + ": " + field + " holds " + list.get(i) + ", not a size");
            }
            out[i] = l;
        }
        return out;
    }
}
