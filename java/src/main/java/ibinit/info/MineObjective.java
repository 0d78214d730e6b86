package ibinit.info;

import ibinit.text.Choices;

/** What a MINE critic ascends, and how its gradient is formed. */
public enum MineObjective {
    /** Donsker-Varadhan: mean T_joint - log mean exp T_marg, with the plain (biased) minibatch gradient. */
    DV("dv"),
    /**
     * The DV bound with the MINE paper's bias-corrected gradient: the batch's mean exp(T_marg) in
     * the gradient's denominator is replaced by a moving average, kept in log space.
     */
    DV_BIAS_CORRECTED("dv-bias-corrected"),
    /** MINE-f: mean T_joint - mean exp(T_marg - 1); an unbiased gradient, a looser bound. */
    MINE_F("mine-f");

    public final String cliName;

    MineObjective(String cliName) { this.cliName = cliName; }

    public static MineObjective parse(String name) {
        return Choices.parse(MineObjective.class, name, o -> o.cliName, "MINE objective");
    }
}
