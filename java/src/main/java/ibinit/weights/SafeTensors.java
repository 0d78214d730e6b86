package ibinit.weights;

import com.google.gson.stream.JsonWriter;
import ibinit.report.AtomicFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    /** The most values one tensor may have: what a Java array holds. */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

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
     * appears whole or not at all, with the permissions any file the user writes gets. The data
     * are streamed in blocks, so a file may exceed 2 GiB (the format's offsets are 64-bit).
     */
    public static void write(Path file, List<Entry> tensors, Map<String, String> metadata) throws IOException {
        byte[] header = header(tensors, metadata);
        try {
            AtomicFiles.write(file, out -> {
                ByteBuffer buf = ByteBuffer.allocate(WRITE_BLOCK).order(ByteOrder.LITTLE_ENDIAN);
                buf.putLong(header.length);
                drain(out, buf.flip());
                drain(out, ByteBuffer.wrap(header));
                for (Entry e : tensors) {
                    float[] v = e.values();
                    for (int i = 0; i < v.length; i += WRITE_BLOCK / 4) {
                        int n = Math.min(WRITE_BLOCK / 4, v.length - i);
                        buf.clear();
                        buf.asFloatBuffer().put(v, i, n);
                        drain(out, buf.limit(4 * n));
                    }
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static final int WRITE_BLOCK = 1 << 20;

    private static void drain(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) out.write(b);
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

    /** Reads a file (of any size: it is mapped, not read into one array); errors name the file and what is wrong with it. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ); Arena arena = Arena.ofConfined()) {
            return parse(in.map(FileChannel.MapMode.READ_ONLY, 0, in.size(), arena));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("weights file " + file + " is not valid safetensors: " + e.getMessage(), e);
        }
    }

    static Contents parse(byte[] bytes) { return parse(MemorySegment.ofArray(bytes)); }

    private static final ValueLayout.OfLong LENGTH = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static Contents parse(MemorySegment bytes) {
        long size = bytes.byteSize();
        if (size < 8) throw new IllegalArgumentException("it has " + size + " bytes, fewer than the 8 of the header length");
        long n = bytes.get(LENGTH, 0);
        if (n < 2 || n > MAX_HEADER || n > size - 8) {
            throw new IllegalArgumentException("header length " + Long.toUnsignedString(n) + " does not fit a file of " + size + " bytes");
        }
        String json = new String(bytes.asSlice(8, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
        if (!json.startsWith("{")) throw new IllegalArgumentException("the header does not start with '{'");
        // the writer pads with spaces; Gson's strict reader accepts trailing whitespace
        Map<String, Object> header = HeaderJson.parseObject(json);
        long dataStart = 8 + n, dataBytes = size - dataStart;
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
                count = count > MAX_VALUES ? count : count * dims[i]; // saturates: any count above MAX_VALUES is refused below
            }
            if (count > MAX_VALUES) {
                throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(dims) + " has more than the "
                        + MAX_VALUES + " values one tensor can hold");
            }
            if (offsets[1] < offsets[0] || offsets[1] > dataBytes || offsets[1] - offsets[0] != 4 * count) {
                throw new IllegalArgumentException("tensor " + name + ": data_offsets " + Arrays.toString(offsets) + " do not hold "
                        + count + " F32 values within the " + dataBytes + " data bytes");
            }
            float[] values = new float[(int) count];
            MemorySegment.copy(bytes, F32, dataStart + offsets[0], values, 0, (int) count);
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
