package ibinit.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The safetensors layout byte by byte, and the reader's checks. */
class SafeTensorsTest {
    @TempDir Path dir;

    static final float[] A = {1, -2, 3.5f, Float.MIN_VALUE, -0f, 1e30f};
    static final float[] B = {0.25f, 7};

    static byte[] file(String json, byte[] data) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(h.length).put(h).put(data).array();
    }

    static byte[] le(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    @Test
    void theFileIsTheFormatByteByByte() throws IOException {
        Path f = dir.resolve("w.safetensors");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("method", "ibci:base=he");
        meta.put("note", "quote \" and back\\slash");
        SafeTensors.write(f, List.of(new SafeTensors.Entry("layers.0.weight", new int[] {2, 3}, A),
                new SafeTensors.Entry("layers.0.bias", new int[] {2}, B)), meta);
        byte[] bytes = Files.readAllBytes(f);
        String json = "{\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
                + "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[24,32]},"
                + "\"__metadata__\":{\"method\":\"ibci:base=he\",\"note\":\"quote \\\" and back\\\\slash\"}}";
        int jsonLength = json.getBytes(StandardCharsets.UTF_8).length;
        int n = (jsonLength + 7) / 8 * 8;
        assertEquals(n, ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong(), "header length field, little-endian u64");
        assertEquals(0, n % 8, "the header is padded to a multiple of 8, so the data starts 8-byte aligned");
        assertEquals(json, new String(bytes, 8, jsonLength, StandardCharsets.UTF_8));
        for (int i = 8 + jsonLength; i < 8 + n; i++) assertEquals(' ', bytes[i], "padding is spaces");
        assertEquals(8 + n + 32, bytes.length);
        assertArrayEquals(le(A), Arrays.copyOfRange(bytes, 8 + n, 8 + n + 24), "first tensor's bytes, little-endian float32");
        assertArrayEquals(le(B), Arrays.copyOfRange(bytes, 8 + n + 24, 8 + n + 32));
    }

    @Test
    void roundTrip() throws IOException {
        Path f = dir.resolve("r.safetensors");
        SafeTensors.write(f, List.of(new SafeTensors.Entry("a", new int[] {3, 2}, A), new SafeTensors.Entry("b", new int[] {2}, B)),
                Map.of("seed", "4"));
        SafeTensors.Contents c = SafeTensors.read(f);
        assertEquals(List.of("a", "b"), List.copyOf(c.tensors().keySet()));
        assertArrayEquals(A, c.tensors().get("a").values());
        assertArrayEquals(new int[] {3, 2}, c.tensors().get("a").shape());
        assertEquals(Map.of("seed", "4"), c.metadata());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(f), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void readsFilesWrittenOtherwise() {
        // metadata first, tensors listed out of data order, whitespace, no padding (as other writers may do)
        String json = "{ \"__metadata__\": {\"format\": \"pt\"}, \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [24, 32]},"
                + " \"a\": {\"dtype\": \"F32\", \"shape\": [6], \"data_offsets\": [0, 24]} }";
        byte[] data = new byte[32];
        System.arraycopy(le(A), 0, data, 0, 24);
        System.arraycopy(le(B), 0, data, 24, 8);
        SafeTensors.Contents c = SafeTensors.parse(file(json, data));
        assertArrayEquals(B, c.tensors().get("b").values());
        assertArrayEquals(A, c.tensors().get("a").values());
        assertEquals("pt", c.metadata().get("format"));
    }

    @Test
    void aBrokenFileIsAClearError() {
        String ok = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertTrue(message(new byte[5]).contains("fewer than the 8"));
        byte[] longHeader = file(ok, le(B));
        longHeader[0] = 100;
        assertTrue(message(longHeader).contains("header length"));
        assertTrue(message(file(ok.replace("F32", "F16"), le(B))).contains("F32 only"));
        assertTrue(message(file(ok.replace("[0,8]", "[0,4]"), le(B))).contains("data_offsets"));
        assertTrue(message(file(ok.replace("[0,8]", "[4,12]"), le(0, 1, 2))).contains("without gaps"));
        assertTrue(message(file(ok, le(1, 2, 3))).contains("cover 8 of 12"));
        assertTrue(message(file("[1]", new byte[0])).contains("'{'"));
        assertTrue(message(file("{\"a\":", new byte[0])).contains("JSON"));
        assertTrue(message(file("{\"a\":{}} x", new byte[0])).contains("JSON"));
        assertTrue(message(file("{'a':{}}", new byte[0])).contains("JSON"), "strict JSON: no single quotes");
    }

    @Test
    void aDuplicateKeyIsRejectedNotSilentlyOverwritten() {
        String twice = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertTrue(message(file(twice, le(B))).contains("duplicate key \"a\""), message(file(twice, le(B))));
        String inner = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertTrue(message(file(inner, le(B))).contains("duplicate key \"shape\""), message(file(inner, le(B))));
    }

    @Test
    void theFileGetsTheUsualPermissions() throws IOException {
        Path f = dir.resolve("p.safetensors");
        SafeTensors.write(f, List.of(new SafeTensors.Entry("b", new int[] {2}, B)), Map.of());
        Path plain = Files.writeString(dir.resolve("plain.txt"), "written as any file");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f),
                "the same permissions as any file the user writes (not a temporary file's owner-only ones)");
    }

    @Test
    void aNonFiniteWeightIsRefusedNamingTheTensorAndPosition() {
        String json = "{\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}";
        String nan = message(file(json, le(1f, 2f, 3f, Float.NaN)));
        assertTrue(nan.contains("tensor layers.0.weight holds NaN at [1, 1]"), nan);
        String inf = message(file(json, le(1f, Float.NEGATIVE_INFINITY, 3f, 4f)));
        assertTrue(inf.contains("tensor layers.0.weight holds -Infinity at [0, 1]"), inf);
    }

    static String message(byte[] bytes) {
        return assertThrows(IllegalArgumentException.class, () -> SafeTensors.parse(bytes)).getMessage();
    }
}
