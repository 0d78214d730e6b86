package ibinit.rng;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.RandomStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No two random streams of one run coincide: every (Philox key, sub-stream) and every
 * SplittableRandom seed a run of ib-train or infoplane draws from, enumerated for many seeds and
 * network depths as the code allocates them ({@link Streams}), is used by one purpose only.
 */
class StreamsTest {
    /** Sub-streams a critic with {@code hidden} hidden layers draws its weights from: 0 .. 2 (hidden + 1). */
    private static int criticStreams(int hidden) { return 2 * (hidden + 1) + 1; }

    private record Use(String purpose, long key, long stream) { }

    /** Pairs of purposes that share a stream. */
    private static List<String> collisions(List<Use> uses) {
        Map<String, String> seen = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (Use u : uses) {
            String prev = seen.putIfAbsent(u.key + "/" + u.stream, u.purpose);
            if (prev != null && !prev.equals(u.purpose)) out.add(prev + " and " + u.purpose);
        }
        return out;
    }

    private static void network(List<Use> uses, long seed, int parameters) {
        RandomStream base = Streams.networkInit(seed);
        for (int k = 0; k < parameters; k++) {
            RandomStream p = Streams.parameter(base, k);
            uses.add(new Use("network parameter " + k, p.seed(), p.stream()));
        }
    }

    private static void critic(List<Use> uses, String purpose, long key, int hidden) {
        for (int s = 0; s < criticStreams(hidden); s++) uses.add(new Use(purpose, key, s));
    }

    /** ib-train's Philox streams: the network, D_y and D_x of every layer, the noise. */
    private static List<Use> ibTrain(long seed, int weightLayers, int hidden, boolean oldDx) {
        List<Use> uses = new ArrayList<>();
        network(uses, seed, 2 * weightLayers);
        for (int layer = 1; layer <= weightLayers; layer++) {
            long dy = Streams.ibCriticY(seed, layer);
            long dx = oldDx ? dy + 1 : Streams.criticKey(seed, Streams.Critic.IB_X, layer);
            critic(uses, "D_y of layer " + layer, dy, hidden);
            critic(uses, "D_x of layer " + layer, dx, hidden);
        }
        uses.add(new Use("ib noise", seed, Streams.IB_NOISE_STREAM));
        return uses;
    }

    /** infoplane with MINE / AA-MINE: the network, both critics of every layer, the noise. */
    private static List<Use> infoPlane(long seed, int weightLayers, int hidden) {
        List<Use> uses = new ArrayList<>();
        network(uses, seed, 2 * weightLayers);
        for (int layer = 0; layer < weightLayers; layer++) {
            long x = Streams.criticKey(seed, Streams.Critic.PLANE_X, layer);
            critic(uses, "plane X critic of layer " + layer, x, hidden);
            critic(uses, "plane Y critic of layer " + layer, Streams.planeCriticY(seed, layer), hidden);
            uses.add(new Use("plane noise of layer " + layer, x, Streams.PLANE_NOISE_STREAM));
            uses.add(new Use("aa-mine noise of layer " + layer, x, Streams.AA_MINE_NOISE_STREAM));
        }
        return uses;
    }

    @Test
    void sparseFilteringStartsNeverMeetOtherStreams() {
        for (long seed = -3; seed <= 40; seed++) {
            for (int layers = 2; layers <= 8; layers++) {
                List<Use> uses = infoPlane(seed, layers, 2);
                uses.addAll(ibTrain(seed, layers, 2, false));
                for (int i = 0; i < 2 * layers; i++) {
                    RandomStream s = Streams.sparseFilteringStart(Streams.networkInit(seed), i);
                    uses.add(new Use("sparse filtering start of layer " + i, s.seed(), s.stream()));
                }
                List<String> c = collisions(uses);
                c.removeIf(x -> !x.contains("sparse filtering"));
                assertTrue(c.isEmpty(), "seed " + seed + ", " + layers + " layers: " + c);
            }
        }
    }

    @Test
    void ibTrainStreamsNeverCoincide() {
        for (long seed = -3; seed <= 40; seed++) {
            for (int layers = 2; layers <= 8; layers++) {
                for (int hidden = 1; hidden <= 3; hidden++) {
                    List<String> c = collisions(ibTrain(seed, layers, hidden, false));
                    assertTrue(c.isEmpty(), "seed " + seed + ", " + layers + " layers: " + c);
                }
            }
        }
    }

    @Test
    void smoothingStreamsMeetNoInitializerStreamAndNoTwoDrawsOverlap() {
        for (long seed = -3; seed <= 40; seed++) {
            for (int layers = 2; layers <= 8; layers++) {
                List<Use> uses = new ArrayList<>();
                network(uses, seed, 2 * layers);
                uses.add(new Use("ib noise", seed, Streams.IB_NOISE_STREAM));
                for (int layer = 1; layer < layers; layer++) {
                    uses.add(new Use("smoothing of layer " + layer, seed, Streams.smoothing(seed, layer, 0, 1, 0, 9).stream()));
                }
                List<String> c = collisions(uses);
                assertTrue(c.isEmpty(), "seed " + seed + ", " + layers + " layers: " + c);
            }
        }
        // consecutive draws and steps of one tensor start where the previous one ended (whole blocks of 4)
        long size = 10, stride = 12;
        assertEquals(0, Streams.smoothing(1, 2, 0, 2, 0, size).offset());
        assertEquals(stride, Streams.smoothing(1, 2, 0, 2, 1, size).offset());
        assertEquals(2 * stride, Streams.smoothing(1, 2, 1, 2, 0, size).offset());
    }

    @Test
    void theOldCriticSeedsCollidedAndTheCheckSeesIt() {
        // seed * 1000 + layer for D_y and + 1 for D_x: layer L's D_x was layer L + 1's D_y
        List<String> c = collisions(ibTrain(1, 3, 2, true));
        assertFalse(c.isEmpty());
        assertTrue(c.getFirst().contains("D_y of layer 2") || c.getFirst().contains("D_x of layer 1"), c.getFirst());
    }

    @Test
    void infoPlaneStreamsNeverCoincide() {
        for (long seed = -3; seed <= 40; seed++) {
            for (int layers = 2; layers <= 8; layers++) {
                List<String> c = collisions(infoPlane(seed, layers, 2));
                assertTrue(c.isEmpty(), "seed " + seed + ", " + layers + " layers: " + c);
            }
        }
    }

    @Test
    void splittableSeedsOfOneRunAreDistinct() {
        for (long seed = -3; seed <= 40; seed++) {
            Map<Long, String> seen = new HashMap<>();
            for (int e = 0; e < 10000; e++) assertEquals(null, seen.put(Streams.epochOrder(seed, e), "epoch " + e));
            assertEquals(null, seen.put(Streams.initSample(seed), "init sample"));
            assertEquals(null, seen.put(Streams.planeSample(seed), "plane sample"));
            for (int layer = 0; layer < 8; layer++) {
                long x = Streams.criticKey(seed, Streams.Critic.PLANE_X, layer), y = Streams.planeCriticY(seed, layer);
                assertEquals(null, seen.put(x ^ Streams.MINE_BATCH_SALT, "mine X batches " + layer));
                assertEquals(null, seen.put(y ^ Streams.MINE_BATCH_SALT, "mine Y batches " + layer));
                assertEquals(null, seen.put(x ^ Streams.AA_MINE_BATCH_SALT, "aa-mine batches " + layer));
            }
        }
    }

    @Test
    void dataSaltsAreDistinct() {
        long[] salts = {Streams.DATA_FRACTION_SALT, Streams.DATA_MNIST_SPLIT_SALT, Streams.DATA_SYNTHETIC_SALT, Streams.DATA_TWELVE_BIT_SPLIT_SALT,
            Streams.DATA_USER_TEST_SPLIT_SALT};
        assertEquals(salts.length, java.util.Arrays.stream(salts).distinct().count());
        for (long seed = 0; seed < 50; seed++) {
            java.util.Set<Long> derived = new java.util.HashSet<>();
            for (long salt : salts) assertTrue(derived.add(Streams.mix(seed, salt)));
            assertFalse(derived.contains(seed), "a derived data seed equals the raw one (the 12-bit vertex order)");
        }
    }

    @Test
    void parameterSubStreamsAreTheOnesInitializersAlwaysUsed() {
        RandomStream base = RandomStream.of(5, 0);
        assertEquals(new RandomStream(5, 3, 0), Streams.parameter(base, 3)); // unchanged: initial weights stay as they were
        assertEquals(new RandomStream(5, 2 * 1024 + 7, 0), Streams.parameter(RandomStream.of(5, 2), 7));
    }
}
