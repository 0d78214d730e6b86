package ibinit.info.ib;

import ibinit.text.Choices;

/** How the IB objective is applied (the paper's section 5, or its appendix B). */
public enum IbMode {
    /** Hidden layers one at a time, each frozen after its turn; then a linear head with cross-entropy. */
    LAYERWISE("layerwise"),
    /** All layers together: ce-weight CE - iy-weight I(Y; Yhat) + ix-weight I(X; Yhat + eps). */
    END_TO_END("end-to-end");

    public final String cliName;

    IbMode(String cliName) { this.cliName = cliName; }

    public static IbMode parse(String s) {
        return Choices.parse(IbMode.class, s, m -> m.cliName, "--mode");
    }
}
