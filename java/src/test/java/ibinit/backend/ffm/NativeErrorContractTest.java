package ibinit.backend.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The native side of the error contract (ibinit.h): a kernel's non-zero status is an internal
 * failure, reported as a {@link NativeException} naming the kernel and the status, never as a
 * user mistake. Bad labels are the caller's to catch (AbstractBackend checks them, see the
 * conformance tests); here they are passed straight to the kernels, as a bug would.
 */
class NativeErrorContractTest {
    private static NativeKernels cpu() {
        NativeLibraryHandle h = NativeLibraryHandle.load("cpu", "ibinit_cpu");
        Assumptions.assumeTrue(h.probe().available(), h.probe().line());
        return h.kernels();
    }

    @Test
    void aLabelThatSlipsPastJavaIsAnInternalFailureNamingTheKernel() {
        NativeKernels k = cpu();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logits = arena.allocateFrom(JAVA_FLOAT, 0.5f, 1f, -1f, 2f, 0f, 1f);
            MemorySegment labels = arena.allocateFrom(JAVA_INT, 1, 3); // 3 is outside [0, 3)
            var e = assertThrows(NativeException.class, () -> k.softmaxXent(2, 3, logits, labels, MemorySegment.NULL));
            assertEquals("softmax_xent", e.kernel());
            assertEquals(1, e.status());
            assertTrue(e.getMessage().contains("softmax_xent failed with status 1") && e.getMessage().contains("label 3 of row 1"),
                    e.getMessage());

            double[] sums = new double[3 * 3], squares = new double[3 * 3];
            var m = assertThrows(NativeException.class, () -> k.classColumnMoments(2, 3, logits, labels, 3, sums, squares));
            assertEquals("class_column_moments", m.kernel());
            assertEquals(1, m.status());
            assertArrayEquals(new double[9], sums, "a refused call changes nothing");
        }
    }

    @Test
    void anyOtherNonZeroStatusIsTheSameInternalFailure() {
        NativeKernels k = cpu();
        var e = assertThrows(NativeException.class, () -> k.gemm(0, 0, -1, 1, 1, 1f, MemorySegment.NULL, 1,
                MemorySegment.NULL, 1, 0f, MemorySegment.NULL, 1));
        assertEquals("gemm", e.kernel());
        assertEquals(1, e.status());
    }
}
