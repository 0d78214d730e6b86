package ibinit.init.ibci;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;
import java.util.Locale;

/**
 * The initializer candidates are drawn from, with the layer's true fan-in {@code d_in} (the
 * authors' code took the candidate count as fan-in, which mis-scales every candidate).
 */
public enum CandidateBase {
    /** Xavier-uniform: U(-b, b), b = sqrt(6 / (d_in + n_out)), as the registry's {@code xavier}. */
    XAVIER,
    /** He (Kaiming-normal, fan_in): N(0, gain^2 / d_in), gain of the network's activation, as the registry's {@code he}. */
    HE;

    public static CandidateBase parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "xavier", "xavier-uniform", "glorot" -> XAVIER;
            case "he", "kaiming", "kaiming-normal" -> HE;
            default -> throw new IllegalArgumentException("ibci: unknown base '" + s + "' (xavier or he)");
        };
    }

    /** {@code pool} candidates as the rows of a [pool, dIn] tensor (rows are neurons, as in a dense weight). */
    Tensor draw(Backend b, int pool, int dIn, int nOut, double gain, RandomStream rs) {
        Tensor w = b.zeros(pool, dIn);
        switch (this) {
            case XAVIER -> {
                float bound = (float) Math.sqrt(6.0 / (dIn + nOut));
                b.fillUniform(w, rs, -bound, bound);
            }
            case HE -> b.fillNormal(w, rs, 0f, (float) (gain / Math.sqrt(dIn)));
        }
        return w;
    }

    public String cliName() { return name().toLowerCase(Locale.ROOT); }
}
