package ibinit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void mlpSyntax() {
        Architecture a = Architecture.parse("784-512-512-10");
        assertArrayEquals(new int[] {784}, a.inputShape());
        assertEquals(List.of(new Architecture.DenseSpec(512), new Architecture.DenseSpec(512), new Architecture.DenseSpec(10)), a.layers());
        assertEquals(784, a.inputSize());
        assertEquals(10, a.outputSize());
    }

    @Test
    void entropicPaperNetShrinks28To20Then400To10() {
        Architecture a = Architecture.parse("1x28x28-c1k3-c1k3-c1k3-c1k3-10");
        List<int[]> s = a.shapes();
        assertArrayEquals(new int[] {1, 20, 20}, s.get(4));
        assertArrayEquals(new int[] {10}, s.get(5));
    }

    @Test
    void convStridePaddingAndPool() {
        Architecture a = Architecture.parse("3x32x32-c16k3s1p1-mp2-c32k5s2-10");
        List<int[]> s = a.shapes();
        assertArrayEquals(new int[] {16, 32, 32}, s.get(1));
        assertArrayEquals(new int[] {16, 16, 16}, s.get(2));
        assertArrayEquals(new int[] {32, 6, 6}, s.get(3));
    }

    @Test
    void aNetworkOver2GiBIsAllowedButNotATensorBeyondAnArray() {
        // 784 x 700,000 weights: 2.2 GB of float32, written as one safetensors file with 64-bit offsets
        assertEquals(784L * 700_000, 784L * Architecture.parse("784-700000-10").shapes().get(1)[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse("784-3000000-10"));
        assertEquals("bad architecture '784-3000000-10': layer 1 needs a tensor of 2352000000 values, more than the "
                + Architecture.MAX_TENSOR_ELEMENTS + " one tensor can hold", e.getMessage());
    }

    @Test
    void mistakesAreExplained() {
        for (String bad : new String[] {"", "784", "784-0-10", "784-abc-10", "784-c4k3-10", "1x5x5-c1k7-10", "784-10-mp2"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Architecture.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("bad architecture"), e.getMessage());
        }
    }
}
