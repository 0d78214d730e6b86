package ibinit.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * The one JSON configuration of ibinit: pretty-printed, records by their components, and
 * non-finite doubles (the error of a run that never finished an epoch) written as {@code null}
 * and read back as NaN, so every file is strict JSON that any reader accepts.
 */
public final class Json {
    private static final TypeAdapter<Double> DOUBLES = new TypeAdapter<>() {
        @Override
        public void write(JsonWriter out, Double v) throws IOException {
            if (v == null || !Double.isFinite(v)) out.nullValue();
            else out.value(v);
        }

        @Override
        public Double read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return Double.NaN;
            }
            return in.nextDouble();
        }
    };

    private static final Gson GSON = new GsonBuilder()
            .setPrettyPrinting()
            .disableHtmlEscaping()
            .serializeNulls() // a NaN error must appear as null, not vanish and read back as 0
            .registerTypeAdapter(Double.class, DOUBLES)
            .registerTypeAdapter(double.class, DOUBLES)
            .create();

    private Json() { }

    public static String write(Object value) { return GSON.toJson(value) + "\n"; }

    /** Parses {@code text} as {@code type}; malformed or mismatching text gives IllegalArgumentException. */
    public static <T> T read(String text, Class<T> type) {
        try {
            T v = GSON.fromJson(text, type);
            if (v == null) throw new IllegalArgumentException("empty JSON where a " + type.getSimpleName() + " was expected");
            return v;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
