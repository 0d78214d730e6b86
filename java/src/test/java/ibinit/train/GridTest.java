package ibinit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void seedsAsCountRangeOrList() {
        assertEquals(List.of(1L, 2L, 3L), Grid.parseSeeds("3"));
        assertEquals(List.of(5L, 6L, 7L), Grid.parseSeeds("5..7"));
        assertEquals(List.of(3L, 7L, 11L), Grid.parseSeeds("3, 7,11"));
        for (String bad : List.of("0", "x", "7..5", "1,1", "", "1..2..3")) {
            assertThrows(IllegalArgumentException.class, () -> Grid.parseSeeds(bad), bad);
        }
    }

    @Test
    void cellsVarySeedsFastestThenArchitecturesThenMethods() {
        List<RunSpec> g = Grid.of(TinyData.spec("x", 0.1, 0), List.of("m1", "m2"), List.of("4-8-3", "4-6-3"), List.of(1L, 2L));
        assertEquals(8, g.size());
        assertEquals(List.of("m1 4-8-3 1", "m1 4-8-3 2", "m1 4-6-3 1", "m1 4-6-3 2"),
                g.subList(0, 4).stream().map(s -> s.init() + " " + s.arch() + " " + s.seed()).toList());
        assertEquals("m2", g.get(4).init());
        assertEquals(TinyData.spec("x", 0.1, 0).optimizer(), g.get(7).optimizer());
    }

    @Test
    void listsRejectDuplicatesAndEmptiness() {
        assertEquals(List.of("a", "b"), Grid.parseList("--methods", " a, b ,"));
        assertThrows(IllegalArgumentException.class, () -> Grid.parseList("--methods", " , "));
        assertThrows(IllegalArgumentException.class, () -> Grid.parseList("--arch", "4-3,4-3"));
    }
}
