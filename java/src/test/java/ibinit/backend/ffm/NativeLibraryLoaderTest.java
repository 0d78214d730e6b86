package ibinit.backend.ffm;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.BackendUnavailableException;
import org.junit.jupiter.api.Test;

class NativeLibraryLoaderTest {
    @Test
    void aMissingSystemLibraryNamesTheDebianPackage() {
        var e = assertThrows(BackendUnavailableException.class,
                () -> NativeLibraryLoader.requireSystemLibrary("libibinit_no_such_lib.so.7", "libno-such-dev"));
        assertTrue(e.getMessage().contains("apt-get install libno-such-dev"), e.getMessage());
    }

    @Test
    void aMissingLibraryInTheNativeDirSaysWhere() {
        String old = System.getProperty("ibinit.native.dir");
        System.setProperty("ibinit.native.dir", "/nonexistent/ibinit");
        try {
            var e = assertThrows(BackendUnavailableException.class, () -> NativeLibraryLoader.load("ibinit_cpu"));
            assertTrue(e.getMessage().contains("/nonexistent/ibinit") && e.getMessage().contains("libibinit_cpu.so"), e.getMessage());
            NativeLibraryHandle h = NativeLibraryHandle.load("cpu", "ibinit_cpu");
            assertTrue(!h.probe().available() && h.probe().line().startsWith("cpu unavailable "), h.probe().line());
        } finally {
            if (old == null) System.clearProperty("ibinit.native.dir");
            else System.setProperty("ibinit.native.dir", old);
        }
    }

    @Test
    void theBuiltCpuLibraryShipsInTheClasspath() {
        assertTrue(NativeLibraryLoader.class.getResource("/native/linux-x86_64/libibinit_cpu.so") != null,
                "the Maven build must put libibinit_cpu.so under target/classes/native/linux-x86_64");
    }
}
