package ibinit.weights;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a safetensors header with Gson's strict streaming reader into plain Java values: objects
 * as insertion-ordered maps, arrays as lists, integers as Long, other numbers as Double. A key
 * that appears twice in one object is an error (the reference implementation rejects it too;
 * silently keeping one of two tensor descriptions would load the wrong weights).
 */
final class HeaderJson {
    private HeaderJson() { }

    /** The header's top-level object; any fault is an {@link IllegalArgumentException} naming it. */
    static Map<String, Object> parseObject(String json) {
        try (JsonReader r = new JsonReader(new StringReader(json))) {
            r.setStrictness(Strictness.STRICT);
            if (r.peek() != JsonToken.BEGIN_OBJECT) throw new IllegalArgumentException("the header is not a JSON object");
            Map<String, Object> header = object(r);
            if (r.peek() != JsonToken.END_DOCUMENT) throw new IllegalArgumentException("the header has text after its JSON object");
            return header;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("the header is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Object value(JsonReader r) throws IOException {
        return switch (r.peek()) {
            case BEGIN_OBJECT -> object(r);
            case BEGIN_ARRAY -> array(r);
            case STRING -> r.nextString();
            case NUMBER -> number(r.nextString());
            case BOOLEAN -> r.nextBoolean();
            case NULL -> {
                r.nextNull();
                yield null;
            }
            default -> throw new IllegalArgumentException("the header is not valid JSON: unexpected " + r.peek() + " at " + r.getPath());
        };
    }

    private static Map<String, Object> object(JsonReader r) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        r.beginObject();
        while (r.hasNext()) {
            String path = r.getPath();
            String key = r.nextName();
            if (out.containsKey(key)) throw new IllegalArgumentException("the header has a duplicate key \"" + key + "\" at " + path);
            out.put(key, value(r));
        }
        r.endObject();
        return out;
    }

    private static List<Object> array(JsonReader r) throws IOException {
        List<Object> out = new ArrayList<>();
        r.beginArray();
        while (r.hasNext()) out.add(value(r));
        r.endArray();
        return out;
    }

    /** Integers (no fraction, no exponent) as Long, the rest as Double. */
    private static Object number(String text) {
        if (text.matches("-?\\d+")) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return Double.parseDouble(text); // beyond a long: not a valid size, reported by the caller
            }
        }
        return Double.parseDouble(text);
    }
}
