package ibinit.sparse.ib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.ref.ReferenceBackend;
import org.junit.jupiter.api.Test;

class IbReadingTest {
    @Test
    void binnedInformationEqualsBinnedEntropyAndTheTraceCoversEveryIteration() {
        IbReading.Trace t = new IbReading(new ReferenceBackend(), 4, 8, 120, 40, 0.01).run(1);
        assertTrue(t.rows().size() >= 2 && t.rows().size() <= 9, "rows " + t.rows().size());
        for (double[] row : t.rows()) {
            assertEquals(row[2], row[3], 1e-12, "I(X;T) = H(T) with the same bins, iteration " + row[0]);
            assertTrue(row[1] <= Math.log(40) + 1e-12 && row[4] <= Math.log(40) + 1e-9, "bounded by log(test samples)");
            assertTrue(row[5] >= 1 - 1e-6 && row[5] <= 2 + 1e-6, "L1 of a unit vector of 4 entries lies in [1, 2]: " + row[5]);
        }
    }
}
