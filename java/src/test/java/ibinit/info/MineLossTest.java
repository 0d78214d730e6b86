package ibinit.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The MINE bounds (the spec's test vectors), their gradients, and the log-space moving average. */
class MineLossTest {
    private static final float[] T_JOINT = {0.5f, 1.0f, -0.2f, 0.3f};
    private static final float[] T_MARG = {0.1f, -0.4f, 0.7f, 0.0f};

    @Test
    void specTestVectors() {
        assertEquals(0.219922, MineBounds.donskerVaradhan(T_JOINT, T_MARG), 1e-6);
        assertEquals(-0.040466, MineBounds.mineF(T_JOINT, T_MARG), 1e-6);
    }

    @Test
    void logMeanExpIsStableForLargeCriticValues() {
        // exp(1000) overflows even in double; shifted by the maximum it is exact.
        assertEquals(1000 + Math.log((1 + Math.exp(-1)) / 2), MineBounds.logMeanExp(new float[] {1000f, 999f}), 1e-9);
        assertEquals(-1000 + Math.log((1 + Math.exp(-1)) / 2), MineBounds.logMeanExp(new float[] {-1000f, -1001f}), 1e-9);
    }

    @ParameterizedTest
    @EnumSource(MineObjective.class)
    void reportedValueIsTheBound(MineObjective o) {
        MineLoss loss = new MineLoss(o, 0.01);
        double v = loss.evaluate(T_JOINT, T_MARG, new float[4], new float[4]);
        assertEquals(o == MineObjective.MINE_F ? -0.040466 : 0.219922, v, 1e-6);
    }

    /** The plain DV and MINE-f gradients are those of -bound; checked by central differences. */
    @ParameterizedTest
    @EnumSource(value = MineObjective.class, names = {"DV", "MINE_F"})
    void gradientIsMinusTheBoundsDerivative(MineObjective o) {
        float[] gj = new float[4], gm = new float[4];
        new MineLoss(o, 0.01).evaluate(T_JOINT, T_MARG, gj, gm);
        double h = 1e-3;
        for (int i = 0; i < 4; i++) {
            assertEquals(-(bound(o, T_JOINT, i, h, T_MARG, -1, 0) - bound(o, T_JOINT, i, -h, T_MARG, -1, 0)) / (2 * h), gj[i], 1e-5, "joint " + i);
            assertEquals(-(bound(o, T_JOINT, -1, 0, T_MARG, i, h) - bound(o, T_JOINT, -1, 0, T_MARG, i, -h)) / (2 * h), gm[i], 1e-5, "marginal " + i);
        }
    }

    private static double bound(MineObjective o, float[] tj, int ij, double hj, float[] tm, int im, double hm) {
        double[] j = new double[tj.length], m = new double[tm.length];
        for (int i = 0; i < j.length; i++) j[i] = tj[i] + (i == ij ? hj : 0);
        for (int i = 0; i < m.length; i++) m[i] = tm[i] + (i == im ? hm : 0);
        double meanJ = 0, s = 0, max = Double.NEGATIVE_INFINITY;
        for (double v : j) meanJ += v / j.length;
        if (o == MineObjective.MINE_F) {
            for (double v : m) s += Math.exp(v - 1) / m.length;
            return meanJ - s;
        }
        for (double v : m) max = Math.max(max, v);
        for (double v : m) s += Math.exp(v - max);
        return meanJ - (max + Math.log(s / m.length));
    }

    /** The average starts at the first batch's mean exp, then follows logaddexp(log(1-a) + old, log a + new). */
    @Test
    void biasCorrectedGradientUsesTheLogSpaceMovingAverage() {
        double rate = 0.01;
        MineLoss loss = new MineLoss(MineObjective.DV_BIAS_CORRECTED, rate);
        float[] gj = new float[4], gm = new float[4];
        loss.evaluate(T_JOINT, T_MARG, gj, gm);
        double first = MineBounds.logMeanExp(T_MARG);
        assertEquals(first, loss.logMovingAverage(), 1e-12);
        float[] second = {2f, -1f, 0.5f, 3f};
        loss.evaluate(T_JOINT, second, gj, gm);
        double ema = (1 - rate) * Math.exp(first) + rate * Math.exp(MineBounds.logMeanExp(second));
        assertEquals(Math.log(ema), loss.logMovingAverage(), 1e-12);
        for (int i = 0; i < 4; i++) {
            assertEquals(Math.exp(second[i]) / (4 * ema), gm[i], 1e-6, "d loss / d T_marg[" + i + "] = e^T / (n ema)");
            assertEquals(-0.25f, gj[i], 0f);
        }
    }

    /** Critic values near float32's exp overflow (88.7): the log-space average and the gradient stay finite. */
    @Test
    void biasCorrectedAverageDoesNotOverflowInFloat() {
        MineLoss loss = new MineLoss(MineObjective.DV_BIAS_CORRECTED, 0.01);
        float[] gj = new float[2], gm = new float[2];
        loss.evaluate(new float[] {0f, 0f}, new float[] {1f, 2f}, gj, gm);
        double v = loss.evaluate(new float[] {300f, 301f}, new float[] {200f, 250f}, gj, gm);
        assertTrue(Double.isFinite(v) && Double.isFinite(loss.logMovingAverage()), "bound " + v + ", log average " + loss.logMovingAverage());
        for (float g : gm) assertTrue(Float.isFinite(g) && g >= 0, "gradient " + g);
        // log average ~ log(0.01) + 250 - log 2: the new batch dominates the old average of ~e^1.6
        assertEquals(Math.log(0.01) + MineBounds.logMeanExp(new float[] {200f, 250f}), loss.logMovingAverage(), 1e-9);
    }
}
