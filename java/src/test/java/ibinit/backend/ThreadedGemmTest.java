package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * IBINIT_GEMM=threaded (here -Dibinit.gemm=threaded): the CPU backend's GEMM as one OpenBLAS call
 * on OpenBLAS's threads. Its results are checked against the reference as the default blocked
 * GEMM's are; the switch is read at every backend open, so opening one without it switches back.
 */
class ThreadedGemmTest {
    @AfterEach
    void backToBlocked() {
        System.clearProperty("ibinit.gemm");
        if (Backends.probeAll().stream().anyMatch(p -> p.name().equals("cpu") && p.available())) {
            Backends.open("cpu").close(); // the native switch is process-wide: reset it for later tests
        }
    }

    @Test
    void threadedGemmMatchesTheReference() {
        Assumptions.assumeTrue(Backends.probeAll().stream().anyMatch(p -> p.name().equals("cpu") && p.available()), "no cpu backend here");
        System.setProperty("ibinit.gemm", "threaded");
        assertTrue(ThreadPolicy.gemmThreaded());
        assertTrue(ThreadPolicy.describe().contains("results depend on the thread count"), ThreadPolicy.describe());
        try (Backend cpu = Backends.open("cpu"); Backend ref = Backends.open("java");
             Twin t = new Twin(cpu, ref, "threaded gemm")) {
            int[][] shapes = {{7, 13, 5}, {128, 512, 784}, {128, 100, 784}, {512, 784, 128}, {9, 11, 1000}};
            for (int[] s : shapes) {
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) BackendConformanceTest.gemmCase(t, s[0], s[1], s[2], ta, tb);
                }
            }
        }
    }

    @Test
    void theSettingTakesBlockedOrThreadedAndNamesItsSourceOtherwise() {
        System.clearProperty("ibinit.gemm");
        assertFalse(ThreadPolicy.gemmThreaded() && System.getenv("IBINIT_GEMM") == null);
        System.setProperty("ibinit.gemm", "blocked");
        assertFalse(ThreadPolicy.gemmThreaded());
        System.setProperty("ibinit.gemm", "fast");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, ThreadPolicy::gemmThreaded);
        assertEquals("-Dibinit.gemm must be blocked or threaded, got 'fast'", e.getMessage());
    }
}
