package ibinit.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Twin.Pair;
import ibinit.backend.ref.ReferenceBackend;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The neuron-campaign ops (classColumnMoments, greedySelect) on every available backend, the
 * reference included, against the reference's plain algorithms on fresh random inputs.
 */
class IbciKernelsTest {
    private static final Backend REF = new ReferenceBackend();
    private static List<Backend> all;

    private static synchronized List<Backend> all() {
        if (all == null) all = Backends.openAvailable();
        return all;
    }

    static Stream<String> backends() { return all().stream().map(Backend::name); }

    @AfterAll
    static void closeAll() {
        if (all != null) all.forEach(Backend::close);
        REF.close();
    }

    private static Twin twin(String name, String test) {
        return new Twin(all().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow(), REF, test);
    }

    // ---- class column moments ----

    @ParameterizedTest @MethodSource("backends")
    void classMomentsMatchTheReferenceAndAccumulate(String name) {
        try (Twin t = twin(name, "classColumnMoments")) {
            int[][] shapes = {{1, 1}, {7, 13}, {300, 65}, {1000, 3}, {2, 257}};
            for (int[] s : shapes) {
                int rows = s[0], cols = s[1], classes = 1 + t.rnd.nextInt(12);
                float[] z = t.normal(rows * cols, 2);
                for (int i = 0; i < z.length; i++) z[i] += 3; // a mean away from 0, as ReLU outputs
                int[] y = t.rnd.ints(rows, 0, classes).toArray();
                Pair zp = t.pair(z, rows, cols), yp = t.pair(y, rows);
                double[] s1 = new double[classes * cols], q1 = new double[classes * cols];
                double[] s2 = new double[classes * cols], q2 = new double[classes * cols];
                REF.classColumnMoments(zp.ref(), yp.ref(), classes, s1, q1);
                REF.classColumnMoments(zp.ref(), yp.ref(), classes, s1, q1);
                t.under.classColumnMoments(zp.under(), yp.under(), classes, s2, q2);
                t.under.classColumnMoments(zp.under(), yp.under(), classes, s2, q2);
                for (int i = 0; i < s1.length; i++) {
                    // Both sum the same float values in double; only the order differs.
                    t.assertClose(s1[i], s2[i], 1e-12 * (1 + Math.abs(q1[i])), "sum " + i + " of " + rows + "x" + cols);
                    t.assertClose(q1[i], q2[i], 1e-12 * (1 + q1[i]), "sum of squares " + i + " of " + rows + "x" + cols);
                }
                // Hand check of one cell: class y[0], column 0, twice over.
                double want = 0;
                for (int r = 0; r < rows; r++) if (y[r] == y[0]) want += z[r * cols];
                t.assertClose(2 * want, s2[y[0] * cols], 1e-9 * (1 + Math.abs(want)), "hand-summed cell");
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void aBadLabelIsRejectedAndChangesNothing(String name) {
        try (Twin t = twin(name, "classColumnMoments labels")) {
            Pair z = t.pair(t.normal(6, 1), 3, 2), y = t.pair(new int[] {0, 3, 1}, 3);
            double[] s = new double[4], q = new double[4];
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> t.under.classColumnMoments(z.under(), y.under(), 2, s, q));
            assertTrue(e.getMessage().contains("label"), e.getMessage());
            assertArrayEquals(new double[4], s);
            assertArrayEquals(new double[4], q);
            assertThrows(IllegalArgumentException.class, () -> t.under.classColumnMoments(z.under(), y.under(), 4, new double[4], q),
                    "arrays of the wrong length");
        }
    }

    // ---- greedy selection ----

    @ParameterizedTest @MethodSource("backends")
    void greedySelectionMatchesTheReference(String name) {
        try (Twin t = twin(name, "greedySelect")) {
            int[][] cases = {{1, 1, 1}, {50, 20, 10}, {64, 17, 30}, {300, 100, 60}, {40, 8, 8}, {9, 300, 9}, {1000, 120, 100}};
            for (int[] c : cases) {
                int k = c[0], d = c[1], count = c[2];
                Pair w = t.pair(t.normal(k * d, 0.1), k, d);
                double[] s = new double[k];
                for (int j = 0; j < k; j++) s[j] = t.rnd.nextDouble() - 0.3; // some negative, as target terms can be
                int[] want = REF.greedySelect(w.ref(), s, count);
                int[] got = t.under.greedySelect(w.under(), s, count);
                assertArrayEquals(want, got, t.where("picks of " + count + " from " + k + "x" + d));
                assertEquals(Math.min(count, d), got.length, t.where("pick count"));
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void greedySelectionMatchesTheReferenceOnAwkwardPools(String name) {
        // all-negative and mixed scores, zero scores, nearly parallel candidates, counts past d
        try (Twin t = twin(name, "greedySelect awkward")) {
            for (int trial = 0; trial < 30; trial++) {
                int d = 1 + t.rnd.nextInt(40), k = 1 + t.rnd.nextInt(80), count = 1 + t.rnd.nextInt(k + 5);
                float[] v = t.normal(k * d, 1);
                if (trial % 3 == 0) {
                    for (int j = 1; j < k; j++) {
                        for (int e = 0; e < d; e++) v[j * d + e] = v[(j % 4) * d + e] + 1e-3f * v[j * d + e];
                    }
                }
                double[] s = new double[k];
                for (int j = 0; j < k; j++) {
                    s[j] = switch (trial % 4) {
                        case 0 -> -t.rnd.nextDouble();
                        case 1 -> t.rnd.nextDouble() - 0.5;
                        case 2 -> t.rnd.nextInt(3) - 1; // many exact ties, zeros included
                        default -> t.rnd.nextDouble();
                    };
                }
                Pair w = t.pair(v, k, d);
                assertArrayEquals(REF.greedySelect(w.ref(), s, count), t.under.greedySelect(w.under(), s, count),
                        t.where("trial " + trial + ": " + count + " of " + k + "x" + d));
            }
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void greedySelectionStopsAtTheInputDimension(String name) {
        try (Twin t = twin(name, "greedySelect exhausted")) {
            int k = 30, d = 6;
            float[] v = t.normal(k * d, 1);
            System.arraycopy(v, 0, v, d, d); // row 1 duplicates row 0
            Arrays.fill(v, 2 * d, 3 * d, 0f); // row 2 is zero
            Pair w = t.pair(v, k, d);
            double[] s = new double[k];
            Arrays.fill(s, -1); // negative scores: the case where the authors' code re-picks
            s[2] = 5;
            int[] got = t.under.greedySelect(w.under(), s, 20);
            assertEquals(d, got.length, t.where("a quota above d stops after d picks: " + Arrays.toString(got)));
            assertEquals(d, Arrays.stream(got).distinct().count(), t.where("no row twice"));
            assertTrue(Arrays.stream(got).noneMatch(j -> j == 2), t.where("the zero row is never picked"));
            assertTrue(!(Arrays.stream(got).anyMatch(j -> j == 0) && Arrays.stream(got).anyMatch(j -> j == 1)), t.where("a duplicate is spanned"));
            assertArrayEquals(REF.greedySelect(w.ref(), s, 20), got, t.where("same picks as the reference"));
        }
    }

    @ParameterizedTest @MethodSource("backends")
    void greedySelectionChecksItsArguments(String name) {
        try (Twin t = twin(name, "greedySelect arguments")) {
            Pair w = t.pair(t.normal(12, 1), 4, 3);
            assertThrows(IllegalArgumentException.class, () -> t.under.greedySelect(w.under(), new double[3], 1));
            assertThrows(IllegalArgumentException.class, () -> t.under.greedySelect(w.under(), new double[] {0, Double.NaN, 0, 0}, 1));
            assertEquals(0, t.under.greedySelect(w.under(), new double[4], 0).length);
        }
    }
}
