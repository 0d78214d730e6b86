package ibinit.backend.ffm;

import ibinit.backend.BackendUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Finds a native library of ibinit: in {@code -Dibinit.native.dir} when set, else inside the jar
 * under {@code native/linux-x86_64/} (extracted once to a temporary folder). Libraries stay loaded
 * for the life of the JVM.
 */
public final class NativeLibraryLoader {
    public static final String PLATFORM = "linux-x86_64";
    private static Path extractedDir;

    private NativeLibraryLoader() { }

    /** Loads {@code lib<name>.so}; throws {@link BackendUnavailableException} saying what is missing. */
    public static SymbolLookup load(String name) {
        Path file = locate("lib" + name + ".so");
        try {
            return SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailableException("cannot load " + file + ": " + e.getMessage());
        }
    }

    /** Checks that a system library is present by its soname, with the Debian package to install. */
    public static void requireSystemLibrary(String soname, String debianPackage) {
        try {
            SymbolLookup.libraryLookup(soname, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailableException(soname + " not found: install it with `apt-get install "
                    + debianPackage + "`");
        }
    }

    private static Path locate(String fileName) {
        String dir = System.getProperty("ibinit.native.dir");
        if (dir != null && !dir.isBlank()) {
            Path p = Path.of(dir, fileName);
            if (!Files.isRegularFile(p)) {
                throw new BackendUnavailableException(fileName + " not found in -Dibinit.native.dir=" + dir);
            }
            return p;
        }
        String resource = "/native/" + PLATFORM + "/" + fileName;
        URL url = NativeLibraryLoader.class.getResource(resource);
        if (url == null) {
            throw new BackendUnavailableException(fileName + " is not in this build (resource " + resource
                    + " missing; build with `mvn package`, or point -Dibinit.native.dir at it)");
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new BackendUnavailableException("bad library location " + url);
            }
        }
        return extract(resource, fileName);
    }

    private static synchronized Path extract(String resource, String fileName) {
        try {
            if (extractedDir == null) {
                extractedDir = Files.createTempDirectory("ibinit-native-");
                extractedDir.toFile().deleteOnExit();
            }
            Path target = extractedDir.resolve(fileName);
            if (!Files.exists(target)) {
                try (InputStream in = NativeLibraryLoader.class.getResourceAsStream(resource)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
            return target;
        } catch (IOException e) {
            throw new BackendUnavailableException("cannot extract " + fileName + " to a temporary folder: " + e.getMessage());
        }
    }
}
