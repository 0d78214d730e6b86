package ibinit.rng;

/**
 * Philox-4x32-10 (Salmon et al., SC'11) and the samplers built on it, mirroring
 * native/include/ibinit_scalar.h line by line so that Java, C and CUDA agree bit for bit.
 * Words are Java ints holding unsigned 32-bit values; seeds and indices are longs holding
 * unsigned 64-bit values.
 *
 * <p>Element {@code index} of stream ({@code seed}, {@code stream}) uses, in rejection round
 * {@code round}, the block with counter (index lo, index hi, stream, round) and key (seed lo, seed hi).
 */
public final class Philox {
    static final int M0 = 0xD2511F53;
    static final int M1 = 0xCD9E8D57;
    static final int W0 = 0x9E3779B9;
    static final int W1 = 0xBB67AE85;
    private static final long MASK32 = 0xFFFFFFFFL;

    /** Rejection rounds of the truncated normal before it clamps (IBINIT_TRUNC_MAX_ROUNDS). */
    public static final int TRUNC_MAX_ROUNDS = 256;

    private Philox() { }

    /** The raw bijection: 10 rounds on counter {@code ctr[0..3]} with key {@code key[0..1]}. */
    public static void philox4x32_10(int[] ctr, int[] key, int[] out) {
        int c0 = ctr[0], c1 = ctr[1], c2 = ctr[2], c3 = ctr[3];
        int k0 = key[0], k1 = key[1];
        for (int round = 0; round < 10; round++) {
            // Both factors are below 2^32, so the 64-bit product's bits are exact even when the
            // signed long overflows.
            long p0 = (M0 & MASK32) * (c0 & MASK32);
            long p1 = (M1 & MASK32) * (c2 & MASK32);
            int hi0 = (int) (p0 >>> 32), lo0 = (int) p0;
            int hi1 = (int) (p1 >>> 32), lo1 = (int) p1;
            c0 = hi1 ^ c1 ^ k0;
            c1 = lo1;
            c2 = hi0 ^ c3 ^ k1;
            c3 = lo0;
            k0 += W0;
            k1 += W1;
        }
        out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
    }

    /** The block element {@code index} of stream ({@code seed}, {@code stream}) uses in rejection round {@code round}. */
    public static void block(long seed, int stream, long index, int round, int[] out) {
        int[] ctr = {(int) index, (int) (index >>> 32), stream, round};
        int[] key = {(int) seed, (int) (seed >>> 32)};
        philox4x32_10(ctr, key, out);
    }

    /** Uniform float in [0, 1): the top 24 bits of a word, exact in float. */
    public static float u01f(int word) {
        return (float) (word >>> 8) * 5.9604644775390625e-8f; // 2^-24
    }

    /** Uniform double in (0, 1]: 53 bits from two words, plus one step so 0 never occurs. */
    public static double u01dOpen0(int lo, int hi) {
        long bits = (((hi & MASK32) << 32) | (lo & MASK32)) >>> 11;
        return ((double) bits + 1.0) * 1.1102230246251565e-16; // 2^-53
    }

    /** Uniform double in [0, 1). */
    public static double u01d(int lo, int hi) {
        long bits = (((hi & MASK32) << 32) | (lo & MASK32)) >>> 11;
        return (double) bits * 1.1102230246251565e-16;
    }

    /** A standard normal from one block (Box-Muller, cosine branch). */
    public static double normalFromBlock(int[] b) {
        double u1 = u01dOpen0(b[0], b[1]);
        double u2 = u01d(b[2], b[3]);
        return Math.sqrt(-2.0 * DeterministicMath.log(u1)) * DeterministicMath.cosTurn(u2);
    }

    /** One word mapped to U[lo, hi). */
    public static float uniformFromWord(int word, float lo, float hi) {
        float v = lo + (hi - lo) * u01f(word);
        // Rounding can reach hi itself; keep the range half-open as documented.
        return v < hi || !(hi > lo) ? v : Math.nextDown(hi);
    }

    public static float uniformAt(long seed, int stream, long index, float lo, float hi) {
        int[] b = new int[4];
        block(seed, stream, index, 0, b);
        return uniformFromWord(b[0], lo, hi);
    }

    /**
     * w + U[-radius, radius) for element {@code index} of a perturbation stream: word index % 4 of
     * block index / 4, so one block serves four consecutive elements (entropic smoothing).
     */
    public static float perturbAt(float w, long seed, int stream, long index, float radius) {
        int[] b = new int[4];
        block(seed, stream, index >>> 2, 0, b);
        return w + uniformFromWord(b[(int) (index & 3)], -radius, radius);
    }

    public static float normalAt(long seed, int stream, long index, float mean, float std) {
        int[] b = new int[4];
        block(seed, stream, index, 0, b);
        return (float) ((double) mean + (double) std * normalFromBlock(b));
    }

    /** Normal(mean, std) restricted to [lo, hi] by rejection; after the last round, clamped. */
    public static float truncatedNormalAt(long seed, int stream, long index, float mean, float std, float lo, float hi) {
        int[] b = new int[4];
        float v = mean;
        for (int round = 0; round < TRUNC_MAX_ROUNDS; round++) {
            block(seed, stream, index, round, b);
            v = (float) ((double) mean + (double) std * normalFromBlock(b));
            if (v >= lo && v <= hi) return v;
        }
        return v < lo ? lo : hi;
    }
}
