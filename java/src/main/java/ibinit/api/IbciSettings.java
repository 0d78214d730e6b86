package ibinit.api;

import ibinit.init.ibci.CandidateBase;
import ibinit.init.ibci.IbciOptions;
import ibinit.init.ibci.Scoring;

/**
 * Settings of IBCI, neuron campaign initialization (Mao et al., "Neuron Campaign for
 * Initialization Guided by Information Bottleneck Theory", CIKM 2021). Layer by layer from the
 * input, a pool of candidate neurons is drawn from the {@code base} initializer; each candidate k
 * gets a score s_k = a acc_k + (1 - a) div_k on the data sample (div: how much its output varies,
 * the input-information term; acc: how well its output separates the classes, the target term;
 * each normalized over the pool); each class elects its share of the layer by greedy selection
 * with Gram-Schmidt projection onto the null space of the neurons already elected. The output
 * layer gets one neuron per class. Biases are 0.
 *
 * <pre>{@code
 * IbciSettings s = IbciSettings.builder().base(CandidateBase.HE).pool(500).build();
 * IbciSettings code = IbciSettings.builder().authorsCode().rescale().build(); // the authors' code default, rescaled
 * }</pre>
 *
 * @param options the method's options as the CLI's {@code ibci:key=value} would give them
 */
public record IbciSettings(IbciOptions options) {
    /** Defaults: Xavier-uniform candidates, pool min(5 n_out, 1000), a = 1 in every layer (the paper's IBCI, TIE; {@link Builder#authorsCode} for the code's a = 0 in hidden layers), the authors' scoring. */
    public static Builder builder() { return new Builder(); }

    /** Builds {@link IbciSettings}. */
    public static final class Builder {
        private CandidateBase base = CandidateBase.XAVIER;
        private int pool;
        private double[] alphas;
        private Scoring scoring = Scoring.AUTHORS;
        private boolean tie, iim, code, rescale;

        private Builder() { }

        /** Where candidates come from: Xavier-uniform, or He-normal with the activation's gain. */
        public Builder base(CandidateBase b) { base = b; return this; }

        /** Candidates per layer (at least the layer's width); 0 for the default. */
        public Builder pool(int k) { pool = k; return this; }

        /** The weight a of the target term, one value for every layer or one per dense layer. */
        public Builder alpha(double... a) { alphas = a.clone(); return this; }

        /** Standard deviations (the authors' code) or variances (the paper's formulas). */
        public Builder scoring(Scoring s) { scoring = s; return this; }

        /** Target information only, a = 1 everywhere (TIE). */
        public Builder targetOnly() { tie = true; return this; }

        /** Input information only, a = 0 everywhere, output layer included (IIM). */
        public Builder inputOnly() { iim = true; return this; }

        /** The authors' code default: a = 0 in hidden layers, 1 in the output layer. */
        public Builder authorsCode() { code = true; return this; }

        /** After each layer's election, one factor restoring the candidate pool's output variance (directions kept). */
        public Builder rescale() { rescale = true; return this; }

        public IbciSettings build() { return new IbciSettings(new IbciOptions(base, pool, alphas, scoring, tie, iim, code, rescale)); }
    }
}
