package ibinit.info.plane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.backend.ref.ReferenceBackend;
import ibinit.data.Dataset;
import ibinit.data.TwelveBitTask;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.info.MineConfig;
import ibinit.nn.Sequential;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Binning on the 12-bit task stays inside its ceilings: I(X;T) &lt;= H(X) = log2 4096 = 12 bits
 * and I(T;Y) &lt;= H(Y) for every layer, with the fixed range (tanh) and the fitted one (ReLU);
 * and a recorder takes one snapshot per scheduled epoch.
 */
class InfoPlaneTwelveBitTest {
    private static final Backend B = new ReferenceBackend();

    @Test
    void binnedInformationStaysUnderItsCeilings() {
        Dataset all = TwelveBitTask.generate(1).all();
        for (Activation act : new Activation[] {Activation.TANH, Activation.RELU}) {
            try (Sequential net = Sequential.build(B, Architecture.parse("12-10-7-5-4-3-2"), act, 0f);
                 MeasurementSet m = new MeasurementSet(B, all.features(), 12, all.labels(), 2);
                 PlaneEstimator est = PlaneEstimators.create("binning", net, m,
                         new PlaneEstimators.Settings(30, act == Activation.RELU, 0.1, null))) {
                Initializers.create("lecun-normal", act, 0f, BiasInit.ZEROS).initialize(net, new InitContext(RandomStream.of(3, 0), null, null));
                double hy = m.labelEntropy() / Math.log(2);
                assertEquals(12.0, m.inputEntropy() / Math.log(2), 1e-12);
                assertTrue(hy > 0.99 && hy <= 1.0, "H(Y) " + hy);
                InfoPlaneRecorder rec = new InfoPlaneRecorder(net, m, est, EpochSchedule.parse("0,2", 5), true,
                        new InfoPlaneRecorder.Header("t", "12bit", "12-10-7-5-4-3-2", act.cliName, "d", Map.of()), h -> { });
                InfoPlaneHistory.Snapshot s = rec.record(0, Double.NaN, Double.NaN);
                assertEquals(6, s.ixt().length);
                for (int l = 0; l < 6; l++) {
                    assertTrue(s.ixt()[l] >= 0 && s.ixt()[l] <= 12 + 1e-9, act + " layer " + (l + 1) + " I(X;T) " + s.ixt()[l]);
                    assertTrue(s.ity()[l] >= -1e-12 && s.ity()[l] <= hy + 1e-9, act + " layer " + (l + 1) + " I(T;Y) " + s.ity()[l]);
                    assertTrue(s.ity()[l] <= s.ixt()[l] + 1e-9, "data processing: I(T;Y) <= I(X;T)");
                }
                assertTrue(s.ixt()[0] > 10, "a 10-unit first layer keeps most of 12 bits: " + s.ixt()[0]);
            }
        }
    }

    @Test
    void everyEstimatorGivesFiniteCoordinates() {
        Dataset all = TwelveBitTask.generate(1).all();
        for (String name : PlaneEstimators.NAMES) {
            try (Sequential net = Sequential.build(B, Architecture.parse("12-6-4-2"), Activation.TANH, 0f);
                 MeasurementSet m = new MeasurementSet(B, all.features(), 12, all.labels(), 2);
                 PlaneEstimator est = PlaneEstimators.create(name, net, m, new PlaneEstimators.Settings(30, false, 0.5,
                         MineConfig.defaults().withHidden(8).withSteps(3).withBatchSize(64).withSeed(1)))) {
                Initializers.create("lecun-normal", Activation.TANH, 0f, BiasInit.ZEROS).initialize(net, new InitContext(RandomStream.of(3, 0), null, null));
                InfoPlaneRecorder rec = new InfoPlaneRecorder(net, m, est, EpochSchedule.parse("0", 1), true,
                        new InfoPlaneRecorder.Header("t", "12bit", "12-6-4-2", "tanh", "d", Map.of()), h -> { });
                InfoPlaneHistory.Snapshot s = rec.record(0, Double.NaN, Double.NaN);
                for (int l = 0; l < 3; l++) {
                    assertTrue(Double.isFinite(s.ixt()[l]) && Double.isFinite(s.ity()[l]), name + " layer " + (l + 1));
                }
                assertTrue(est.describe().startsWith(name.startsWith("kde") ? "kde" : name), est.describe());
            }
        }
    }
}
