package ibinit.backend;

import ibinit.backend.ref.ReferenceBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The native backends the conformance tests compare with the reference, opened once per test JVM
 * (starting CUDA per test would dominate the run) and shared by every conformance test class.
 * With no native backend, {@link #names()} yields one placeholder whose cases report skipped.
 */
final class NativeUnderTest {
    static final String NONE = "no native backend";
    static final Backend REF = new ReferenceBackend();
    private static List<Backend> natives;

    private NativeUnderTest() { }

    static synchronized List<Backend> natives() {
        if (natives == null) {
            natives = new ArrayList<>();
            for (Backend b : Backends.openAvailable()) {
                if (b instanceof ReferenceBackend) b.close();
                else natives.add(b);
            }
        }
        return natives;
    }

    /** Names for a {@code @MethodSource}. */
    static Stream<String> names() {
        List<String> names = natives().stream().map(Backend::name).toList();
        return names.isEmpty() ? Stream.of(NONE) : names.stream();
    }

    /** The named backend beside the reference, or a skip naming why no native backend runs here. */
    static Twin twin(String name, String test) {
        Assumptions.assumeFalse(NONE.equals(name), () -> "no native backend to compare: " + Backends.probeAll().stream()
                .map(Backends.Probe::line).collect(Collectors.joining("; ")));
        return new Twin(natives().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(), REF, test);
    }
}
