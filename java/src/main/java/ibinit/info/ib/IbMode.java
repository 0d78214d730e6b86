package ibinit.info.ib;

import java.util.Locale;

/** How the IB objective is applied (the paper's section 5, or its appendix B). */
public enum IbMode {
    /** Hidden layers one at a time, each frozen after its turn; then a linear head with cross-entropy. */
    LAYERWISE("layerwise"),
    /** All layers together: ce-weight CE - iy-weight I(Y; Yhat) + ix-weight I(X; Yhat + eps). */
    END_TO_END("end-to-end");

    public final String cliName;

    IbMode(String cliName) { this.cliName = cliName; }

    public static IbMode parse(String s) {
        String n = s.trim().toLowerCase(Locale.ROOT);
        for (IbMode m : values()) if (m.cliName.equals(n)) return m;
        throw new IllegalArgumentException("unknown --mode '" + s + "' (choose from layerwise, end-to-end)");
    }
}
