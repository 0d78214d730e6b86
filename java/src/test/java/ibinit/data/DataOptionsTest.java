package ibinit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataOptionsTest {
    @Test
    void parsesKeyValuesAndNormalizesKebabCase() {
        DataOptions o = DataOptions.parse(List.of("data-dir=/x/y", "seed=7", "fraction = 0.01"));
        assertEquals(Path.of("/x/y"), o.path(DataOptions.DATA_DIR).orElseThrow());
        assertEquals(7, o.longValue(DataOptions.SEED, 0));
        assertEquals(0.01, o.doubleValue(DataOptions.FRACTION, 1));
        assertEquals(3, o.intValue(DataOptions.TEST_SIZE, 3, 1));
        assertEquals(5, o.with("test_size", 5).intValue(DataOptions.TEST_SIZE, 3, 1));
    }

    @Test
    void badValuesNameTheOption() {
        DataOptions o = DataOptions.of("seed", "abc", "testSize", "0");
        assertEquals("data option seed=abc: expected an integer",
                assertThrows(DatasetException.class, () -> o.longValue(DataOptions.SEED, 0)).getMessage());
        assertEquals("data option testSize=0: expected an integer >= 1",
                assertThrows(DatasetException.class, () -> o.intValue(DataOptions.TEST_SIZE, 1, 1)).getMessage());
        assertThrows(DatasetException.class, () -> DataOptions.parse(List.of("novalue")));
    }

    @Test
    void unknownKeysAreRejectedWithTheKnownOnes() {
        DataOptions o = DataOptions.of("sed", "1");
        DatasetException e = assertThrows(DatasetException.class, () -> o.requireOnly("mnist", List.of("seed", "dataDir")));
        assertEquals("data set mnist has no option 'sed'; its options are dataDir, seed", e.getMessage());
    }
}
