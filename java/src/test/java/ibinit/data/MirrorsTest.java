package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MirrorsTest {
    @Test
    void propertyBeatsEnvironmentBeatsDefault() {
        Map<String, String> props = Map.of("ibinit.mirror.fashion-mnist", "http://p/");
        Map<String, String> env = Map.of("IBINIT_MIRROR_FASHION_MNIST", "http://e/");
        assertEquals("http://p/", Mirrors.baseUrl("fashion-mnist", props::get, env::get));
        assertEquals("http://e/", Mirrors.baseUrl("fashion-mnist", k -> null, env::get));
        assertEquals(Mirrors.DEFAULT_BASE_URLS.get("mnist"), Mirrors.baseUrl("mnist", k -> null, k -> null));
        assertThrows(DatasetException.class, () -> Mirrors.baseUrl("synthetic", k -> null, k -> null));
    }

    @Test
    void resolveJoinsWithOneSlash() {
        assertEquals(URI.create("http://h/a/f.gz"), Mirrors.resolve("http://h/a", "f.gz"));
        assertEquals(URI.create("http://h/a/f.gz"), Mirrors.resolve("http://h/a/", "f.gz"));
    }
}
