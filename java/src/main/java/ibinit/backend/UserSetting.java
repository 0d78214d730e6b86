package ibinit.backend;

/**
 * A setting a user gives as a JVM property ({@code -Dibinit.x}) or, failing that, as an
 * environment variable ({@code IBINIT_X}): its value, trimmed, and which of the two gave it, for
 * error messages. Both unset or blank: {@code value} and {@code source} are null.
 */
public record UserSetting(String value, String source) {
    public static UserSetting read(String property, String environment) {
        String v = System.getProperty(property);
        if (v != null && !v.isBlank()) return new UserSetting(v.strip(), "-D" + property);
        v = System.getenv(environment);
        if (v != null && !v.isBlank()) return new UserSetting(v.strip(), environment);
        return new UserSetting(null, null);
    }

    public boolean isSet() { return value != null; }
}
