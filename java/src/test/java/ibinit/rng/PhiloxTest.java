package ibinit.rng;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Philox-4x32-10 against published answers and against the C code of ibinit_scalar.h, bit for bit. */
class PhiloxTest {

    private static int[] philox(int[] ctr, int[] key) {
        int[] out = new int[4];
        Philox.philox4x32_10(ctr, key, out);
        return out;
    }

    /** Random123's kat_vectors for philox4x32_10 (counter words, key words, expected output). */
    @Test
    void random123KnownAnswers() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                philox(new int[] {0, 0, 0, 0}, new int[] {0, 0}));
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                philox(new int[] {-1, -1, -1, -1}, new int[] {-1, -1}));
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                philox(new int[] {0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344}, new int[] {0xa4093822, 0x299f31d0}));
    }

    /** counter = (index lo, index hi, stream, round), key = (seed lo, seed hi). */
    @Test
    void blockLaysOutCounterAndKey() {
        int[] out = new int[4];
        Philox.block(0x299f31d0a4093822L, 0x13198a2e, 0x85a308d3243f6a88L, 0x03707344, out);
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, out);
    }

    /**
     * Printed by a C program that includes native/include/ibinit_scalar.h (gcc -O3 -mavx2 -mfma
     * -ffp-contract=off, identical at -O0): seed, stream, index, block words, then the float bits of
     * uniformAt(-1.5, 2.25), normalAt(0.25, 3), truncatedNormalAt(0, 1, [0.5, 1.25]) and
     * truncatedNormalAt(1, 0.5, [0, 2]). With -ffp-contract=fast some of these change, so they do
     * pin the order of operations.
     */
    private static final long[][] C_GOLDEN = {
        {0x0000000000000000L, 0x00000000, 0x0000000000000000L, 0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8, 0xbb6a5a00, 0xbf71689f, 0x3f51fea2, 0x3f4d193b},
        {0x000000000000002aL, 0x00000007, 0x00000000075bcd15L, 0x7378985e, 0xd472d0eb, 0xc10a8cfa, 0x009a0a9c, 0x3e4410e8, 0x40053de7, 0x3f1c5289, 0x3fa714a2},
        {0xdeadbeefcafef00dL, 0xffffffff, 0x0000001234567890L, 0x6876c6bb, 0xf419ced0, 0x611a3458, 0xd0182b4d, 0x3cf7acc0, 0x3f1b2f5b, 0x3f2f3ea2, 0x3f879948},
        {0x0000000000000001L, 0x00000003, 0x0000000100000005L, 0x93f97f6c, 0x857f1b4b, 0x4e83c1f2, 0xbf3d9a18, 0x3f2ae79c, 0x3e3eaaf3, 0x3f223d12, 0x3f7d471f},
    };

    @Test
    void matchesTheCCodeBitForBit() {
        for (long[] g : C_GOLDEN) {
            long seed = g[0], index = g[2];
            int stream = (int) g[1];
            String where = String.format("seed %x stream %x index %x", seed, stream, index);
            int[] b = new int[4];
            Philox.block(seed, stream, index, 0, b);
            assertArrayEquals(new int[] {(int) g[3], (int) g[4], (int) g[5], (int) g[6]}, b, where);
            assertEquals((int) g[7], Float.floatToRawIntBits(Philox.uniformAt(seed, stream, index, -1.5f, 2.25f)), where);
            assertEquals((int) g[8], Float.floatToRawIntBits(Philox.normalAt(seed, stream, index, 0.25f, 3.0f)), where);
            assertEquals((int) g[9], Float.floatToRawIntBits(Philox.truncatedNormalAt(seed, stream, index, 0f, 1f, 0.5f, 1.25f)), where);
            assertEquals((int) g[10], Float.floatToRawIntBits(Philox.truncatedNormalAt(seed, stream, index, 1f, 0.5f, 0f, 2f)), where);
        }
    }

    /** FNV-1a over the bits of normalAt(99, 2, i, 0, 1) for i < 100000, as the same C program printed it. */
    @Test
    void longNormalStreamMatchesTheCCode() {
        long h = 1469598103934665603L;
        for (long i = 0; i < 100_000; i++) {
            h = (h ^ (Float.floatToRawIntBits(Philox.normalAt(99, 2, i, 0f, 1f)) & 0xFFFFFFFFL)) * 1099511628211L;
        }
        assertEquals(0x4a893bae4072108fL, h);
    }

    @Test
    void unitUniformsCoverTheirRanges() {
        assertEquals(0f, Philox.u01f(0));
        assertEquals(1f - 0x1p-24f, Philox.u01f(-1));
        assertEquals(0x1p-53, Philox.u01dOpen0(0, 0));
        assertEquals(1.0, Philox.u01dOpen0(-1, -1));
        assertEquals(0.0, Philox.u01d(0, 0));
        assertEquals(1.0 - 0x1p-53, Philox.u01d(-1, -1));
        // The high word carries the top bits: only bit 31 of hi set gives one half.
        assertEquals(0.5, Philox.u01d(0, 0x80000000));
    }

    @org.junit.jupiter.api.Test
    void uniformStaysBelowHiEvenWhenRoundingWouldReachIt() {
        // At 1e6 floats are 1/16 apart, so lo + (hi - lo) u rounds up to hi for u > 1 - 1/32.
        float lo = 1e6f, hi = 1e6f + 1;
        int belowTop = 0;
        for (long i = 0; i < 10_000; i++) {
            float v = Philox.uniformAt(5, 0, i, lo, hi);
            org.junit.jupiter.api.Assertions.assertTrue(v >= lo && v < hi, "index " + i + " gave " + v);
            if (v == Math.nextDown(hi)) belowTop++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(belowTop > 0, "the rounding case never occurred; the test lost its point");
    }
}
