package ibinit.rng;

import ibinit.backend.RandomStream;

/**
 * Every random stream and salt a run draws from, allocated in this one place so that no two
 * purposes of one run can share numbers. Two kinds of generator are used:
 * <ul>
 *   <li>Philox streams ({@link RandomStream}: key, sub-stream, offset) for everything a backend
 *       draws (weights, critics, noise), identical on every backend;</li>
 *   <li>{@link java.util.SplittableRandom} seeds for the orders the Java side draws (epoch orders,
 *       samples, batches, marginal pairings).</li>
 * </ul>
 * Philox keys: the run's {@code seed} itself keys the network's initial weights (sub-stream
 * {@code 1024 s + k} for parameter k of a method using base sub-stream s); every critic gets a key
 * of its own, {@link #criticKey}, a SplitMix64 mix of (seed, purpose, layer) that cannot equal
 * the seed or another critic's key for the sizes a run has (checked by StreamsTest). Noise streams use
 * the sub-stream ids below, which no critic or parameter reaches (critics use sub-streams 0..2h+1,
 * parameters at most 1024 s + 1023 for small s).
 *
 * <p>New methods add their salts and ids here, next to the others, and extend StreamsTest.
 */
public final class Streams {
    /** SplitMix64's golden gamma: epoch e (and ib-train step e) orders come from seed ^ (GOLDEN * (e + 1)). */
    public static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Philox sub-streams one initialization method may use per base stream (parameter k: base * 1024 + k). */
    public static final int PARAMETERS_PER_BASE = 1024;

    // ---- SplittableRandom salts (xor-ed into the run's seed) ----
    /** The sample data-driven initializers see. */
    public static final long INIT_SAMPLE_SALT = 0x494E49545341L; // "INITSA"
    /** infoplane (mnist): the training rows the plane is measured on (xor-ed on top of INIT_SAMPLE_SALT, as before). */
    public static final long PLANE_SAMPLE_SALT = 0x504C414E45L; // "PLANE"
    /** MINE's batches and marginal shuffles, apart from the critic's Philox streams. */
    public static final long MINE_BATCH_SALT = 0x4D494E45L; // "MINE"
    /** AA-MINE's batches. */
    public static final long AA_MINE_BATCH_SALT = 0x41414D49L; // "AAMI"

    // ---- data salts (mixed with the data seed, --data-option seed, by Permutations.derive = mix) ----
    /** Data: which training rows a --train-fraction keeps. */
    public static final long DATA_FRACTION_SALT = 0x4652414354L; // "FRACT"
    /** Data: MNIST's split of its training files into train and test. */
    public static final long DATA_MNIST_SPLIT_SALT = 0x4d4e495354L; // "MNIST"
    /** Data: the synthetic mixture's draws. */
    public static final long DATA_SYNTHETIC_SALT = 0x53594e5448L; // "SYNTH"
    /** Data: the 12-bit task's 80/20 split (its vertex order draws from SplittableRandom(data seed) itself). */
    public static final long DATA_TWELVE_BIT_SPLIT_SALT = 0x3132424954L; // "12BIT"
    /** Data: the test rows held out of a user's own data set that has no test part (idx:, npy:, csv:). */
    public static final long DATA_USER_TEST_SPLIT_SALT = 0x5553455254L; // "USERT"

    // ---- Philox sub-stream ids of noise (keyed by a critic key or the seed) ----
    /** ib-train: eps of I(X; L + eps), keyed by the run's seed, offset ((step << 6) + draw) << 32. */
    public static final int IB_NOISE_STREAM = 0x49424E53; // "IBNS"
    /** AA-MINE: eps, keyed by its critic key. */
    public static final int AA_MINE_NOISE_STREAM = 0x4E4F4953; // "NOIS"
    /** infoplane with MINE: eps, keyed by the layer's critic key. */
    public static final int PLANE_NOISE_STREAM = 0x504C4E45; // "PLNE"
    /** Entropic smoothing: the perturbations of weight layer i (from 1) use sub-stream SMOOTHING_STREAM + i, keyed by the run's seed. */
    public static final int SMOOTHING_STREAM = 0x534D0000; // "SM" in the high half
    /** sparse-filtering initializer: the starting W ~ N(0, 1) of layer i is sub-stream SPARSE_FILTERING_STREAM + i of the init key. */
    public static final int SPARSE_FILTERING_STREAM = 0x53460000; // "SF" then the layer index

    // ---- critic purposes (mixed into critic keys) ----
    /** Which critic of a layer a key belongs to. */
    public enum Critic {
        /** ib-train: D_y of I(Y; L). */
        IB_Y(0x49425944L),
        /** ib-train: D_x of I(X; L + eps). */
        IB_X(0x49424458L),
        /** infoplane, MINE / AA-MINE: the critic of I(X; T + eps). */
        PLANE_X(0x504C4E58L),
        /** infoplane, MINE: the critic of I(T; Y). */
        PLANE_Y(0x504C4E59L);

        final long salt;

        Critic(long salt) { this.salt = salt; }
    }

    private Streams() { }

    /** Where the initial weights of a run with {@code seed} are drawn: key seed, base sub-stream 0. */
    public static RandomStream networkInit(long seed) { return RandomStream.of(seed, 0); }

    /** Parameter {@code k}'s own sub-stream under an initializer's base stream. */
    public static RandomStream parameter(RandomStream base, int k) {
        if (k < 0 || k >= PARAMETERS_PER_BASE) throw new IllegalArgumentException("parameter " + k + " is outside 0.." + (PARAMETERS_PER_BASE - 1));
        return base.substream(Math.multiplyExact(base.stream(), PARAMETERS_PER_BASE) + k);
    }

    /**
     * Entropic smoothing: draw {@code draw} (from 0, of {@code drawsPerStep}) of step {@code step}
     * (from 0 over the run) of weight layer {@code layer} (from 1), a tensor of {@code size}
     * weights: sub-stream SMOOTHING_STREAM + layer of the run's seed, at offset
     * (step * drawsPerStep + draw) * (size rounded up to 4), so every draw is a fresh slice of
     * whole Philox blocks (the perturbation kernel uses one block for four weights).
     */
    public static RandomStream smoothing(long seed, int layer, long step, int drawsPerStep, int draw, long size) {
        long stride = (size + 3) & ~3L;
        return new RandomStream(seed, SMOOTHING_STREAM + layer,
                Math.multiplyExact(Math.addExact(Math.multiplyExact(step, drawsPerStep), draw), stride));
    }

    /** The starting point of sparse filtering for the layer at position {@code layer} of the network (initializer key). */
    public static RandomStream sparseFilteringStart(RandomStream base, int layer) {
        if (layer < 0 || layer > 0xFFFF) throw new IllegalArgumentException("layer " + layer + " is outside 0..65535");
        return new RandomStream(base.seed(), SPARSE_FILTERING_STREAM + layer, 0);
    }

    /** The SplittableRandom seed of epoch {@code epoch}'s order (from 0). */
    public static long epochOrder(long seed, long epoch) { return seed ^ (GOLDEN * (epoch + 1L)); }

    /** The SplittableRandom seed of ib-train step {@code step}'s draws (ib-train has no epochs, so it shares the rule). */
    public static long ibStep(long seed, long step) { return epochOrder(seed, step); }

    /** The SplittableRandom seed of the initialization sample. */
    public static long initSample(long seed) { return seed ^ INIT_SAMPLE_SALT; }

    /** The SplittableRandom seed of the infoplane measurement sample. */
    public static long planeSample(long seed) { return initSample(seed ^ PLANE_SAMPLE_SALT); }

    /**
     * ib-train's D_y critic of layer {@code layer}: seed * 1000 + layer, kept from before the
     * streams were allocated here (it collided with nothing, so its results stay as they were; its
     * D_x partner used seed * 1000 + layer + 1, the next layer's D_y key, and now has {@link #criticKey}).
     */
    public static long ibCriticY(long seed, int layer) { return seed * 1000 + layer; }

    /** infoplane's I(T; Y) critic of layer {@code layer} (MINE): seed + 1000 layer + 7, kept from before (it collided with nothing). */
    public static long planeCriticY(long seed, int layer) { return seed + 1000L * layer + 7; }

    /** The Philox key of critic {@code which} of layer {@code layer} in a run with {@code seed}. */
    public static long criticKey(long seed, Critic which, int layer) {
        return mix(mix(seed, which.salt), layer);
    }

    /** SplitMix64's finalizer over seed + salt * gamma: a seed for one purpose derived from a user seed. */
    public static long mix(long seed, long salt) {
        long z = seed + salt * GOLDEN;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
