package ibinit.weights;

import com.google.gson.stream.JsonWriter;
import ibinit.report.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    static final String METADATA = "__metadata__";

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

    /**
     * Writes the tensors (in the given order) and metadata through {@link AtomicFiles}: the file
     * appears whole or not at all, with the permissions any file the user writes gets.
     */
    public static void write(Path file, List<Entry> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        long dataBytes = 0;
        for (Entry e : tensors) dataBytes += 4L * e.values().length;
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(8 + header.length + dataBytes)).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header);
        for (Entry e : tensors) {
            for (float v : e.values()) buf.putFloat(v);
        }
        try {
            AtomicFiles.write(file, buf.array());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The JSON header (compact, in the given order), padded with spaces to a multiple of 8 bytes. */
    static byte[] header(List<Entry> tensors, Map<String, String> metadata) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.beginObject();
            long offset = 0;
            Set<String> seen = new HashSet<>();
            for (Entry e : tensors) {
                if (e.name().equals(METADATA) || !seen.add(e.name())) {
                    throw new IllegalArgumentException("tensor name " + e.name() + " is reserved or used twice");
                }
                long end = offset + 4L * e.values().length;
                w.name(e.name()).beginObject().name("dtype").value("F32").name("shape").beginArray();
                for (int d : e.shape()) w.value(d);
                w.endArray().name("data_offsets").beginArray().value(offset).value(end).endArray().endObject();
                offset = end;
            }
            if (!metadata.isEmpty()) {
                w.name(METADATA).beginObject();
                for (var m : metadata.entrySet()) w.name(m.getKey()).value(m.getValue());
                w.endObject();
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        byte[] json = text.toString().getBytes(StandardCharsets.UTF_8);
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
        // the writer pads with spaces; Gson's strict reader accepts trailing whitespace
        Map<String, Object> header = HeaderJson.parseObject(json);
        long dataStart = 8 + n, dataBytes = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        record Span(String name, long begin, long end) { }
        List<Span> spans = new ArrayList<>();
        Map<String, Entry> tensors = new LinkedHashMap<>();
        for (var e : header.entrySet()) {
            String name = e.getKey();
            if (name.equals(METADATA)) {
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
