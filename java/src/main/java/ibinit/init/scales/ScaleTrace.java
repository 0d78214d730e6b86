package ibinit.init.scales;

import java.util.List;
import java.util.Map;

/**
 * What a GradInit or NIO run did, for the run JSON: every step, the learned scale of every
 * parameter tensor (by parameter name; 1 for tensors left alone), and the seconds it took.
 */
public record ScaleTrace(String method, List<ScaleStep> steps, Map<String, Double> scales, double seconds) {

    /**
     * One step, measured before its update: {@code phase} is {@code constraint} (the gradient norm
     * exceeded gamma) or {@code objective}. NIO fills B-GN and B-GC; GradInit the loss of S and
     * the norm of its gradient; the other two are NaN (null in JSON).
     */
    public record ScaleStep(int step, String phase, double bgn, double bgc, double loss, double gradNorm) {
        public String line(String method, int of) {
            String metrics = Double.isNaN(bgn) ? String.format("loss %.5g |g| %.5g", loss, gradNorm)
                    : String.format("B-GN %.5g B-GC %.5g", bgn, bgc);
            return method + " step " + step + "/" + of + " " + phase + ": " + metrics;
        }
    }

    public ScaleTrace {
        steps = List.copyOf(steps);
        scales = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scales)); // network order
    }
}
