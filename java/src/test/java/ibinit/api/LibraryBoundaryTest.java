package ibinit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The library (ibinit-core) stands without the command line: no picocli, no CLI classes on its
 * class path, and it never writes to the process's standard streams (it logs through
 * System.Logger; printing is the command line's job).
 */
class LibraryBoundaryTest {
    @Test
    void neitherPicocliNorTheCliIsOnTheLibrarysClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("picocli.CommandLine"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ibinit.cli.Main"));
    }

    @Test
    void theModuleDescriptorExportsTheApiAndNeedsNoCli() throws Exception {
        // tests run on the class path; the compiled descriptor is read directly
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("target", "classes", "module-info.class"))) {
            java.lang.module.ModuleDescriptor d = java.lang.module.ModuleDescriptor.read(in);
            assertEquals("ibinit.core", d.name());
            assertEquals(true, d.exports().stream().anyMatch(e -> e.source().equals("ibinit.api") && !e.isQualified()));
            assertEquals(java.util.Set.of(), d.requires().stream().map(java.lang.module.ModuleDescriptor.Requires::name)
                    .filter(n -> n.contains("picocli")).collect(java.util.stream.Collectors.toSet()));
        }
    }

    @Test
    void noLibrarySourcePrintsToStandardStreams() throws Exception {
        java.nio.file.Path sources = java.nio.file.Path.of("src", "main", "java");
        java.util.List<String> printing;
        try (var files = java.nio.file.Files.walk(sources)) {
            printing = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    String text = java.nio.file.Files.readString(f);
                    return text.contains("System.out") || text.contains("System.err") || text.contains("printStackTrace");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(sources::relativize).map(Object::toString).sorted().toList();
        }
        assertEquals(java.util.List.of(), printing, "library sources that print");
    }
}
