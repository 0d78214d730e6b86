package ibinit.info.ib;

import java.util.ArrayList;
import java.util.List;

/**
 * One part of an IB run's timeline of steps: which parameters train, on what, for how long.
 * A step is one critic update per critic while pre-training, else k critic updates and one
 * network update. Steps are numbered across the whole run from 0.
 *
 * @param kind     LAYER: hidden layer {@code layer} ascends its IB objective; HEAD: the last layer
 *                 learns cross-entropy on the frozen rest; NETWORK: every layer trains (cross-entropy
 *                 with the IB terms of the output as a regularizer, or cross-entropy alone)
 * @param layer    the weight layer (from 1) whose representation the critics see
 * @param pretrain critic-only steps at the start
 * @param train    steps with network updates
 * @param start    the first step's number
 */
record Stage(Kind kind, int layer, int pretrain, int train, long start) {
    enum Kind { LAYER, HEAD, NETWORK }

    long end() { return start + pretrain + train; }

    String label() {
        return switch (kind) {
            case LAYER -> "layer " + layer;
            case HEAD -> "head";
            case NETWORK -> "network";
        };
    }

    /**
     * The timeline: layerwise IB = for each hidden layer (pre-train, train), then the head;
     * layerwise cross-entropy = the whole network for as many updates as the IB run makes
     * (layers x iterations + head steps); end to end = the whole network (critics pre-trained
     * first when an IB term is on).
     */
    static List<Stage> plan(IbConfig c, int weightLayers) {
        List<Stage> out = new ArrayList<>();
        int hidden = weightLayers - 1;
        long t = 0;
        boolean ib = c.effectiveIy() > 0 || c.effectiveIx() > 0;
        if (c.mode() == IbMode.LAYERWISE && ib) {
            for (int i = 1; i <= hidden; i++) {
                Stage s = new Stage(Kind.LAYER, i, c.pretrainSteps(), c.iterations(), t);
                out.add(s);
                t = s.end();
            }
            out.add(new Stage(Kind.HEAD, weightLayers, 0, c.headSteps(), t));
        } else if (c.mode() == IbMode.LAYERWISE) {
            out.add(new Stage(Kind.NETWORK, weightLayers, 0, Math.toIntExact((long) hidden * c.iterations() + c.headSteps()), t));
        } else {
            out.add(new Stage(Kind.NETWORK, weightLayers, ib ? c.pretrainSteps() : 0, c.iterations(), t));
        }
        return out;
    }
}
