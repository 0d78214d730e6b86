package ibinit.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A named choice typed by a person (an option's value) to one of an enum's constants, or a one-line error listing the choices. */
public final class Choices {
    private Choices() { }

    /** How typed names compare: case and surrounding blanks ignored, '_' read as '-'. */
    public static String normalize(String text) { return text.trim().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /**
     * The constant of {@code type} whose {@code name} equals {@code text} normalized; otherwise
     * IllegalArgumentException "unknown WHAT 'text' (choose from a, b, c)".
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, Function<E, String> name, String what) {
        String n = normalize(text);
        for (E e : type.getEnumConstants()) if (name.apply(e).equals(n)) return e;
        throw new IllegalArgumentException("unknown " + what + " '" + text + "' (choose from "
                + Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining(", ")) + ")");
    }
}
