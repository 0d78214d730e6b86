package ibinit.info.ib;

import ibinit.text.Choices;

/** What the network is trained to do (the columns of the paper's Table 1). */
public enum IbObjective {
    /** Cross-entropy only: the baseline. */
    CE("ce"),
    /** Only the I(Y; L) term (beta = 0): no D_x critic. */
    IB_Y_ONLY("ib-y-only"),
    /** The full objective, I(Y; L) - beta I(X; L + eps). */
    IB("ib");

    public final String cliName;

    IbObjective(String cliName) { this.cliName = cliName; }

    public static IbObjective parse(String s) {
        return Choices.parse(IbObjective.class, s, o -> o.cliName, "--objective");
    }
}
