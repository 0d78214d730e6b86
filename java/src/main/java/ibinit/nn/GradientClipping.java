package ibinit.nn;

import ibinit.backend.ColumnStats;
import ibinit.tensor.Tensor;
import java.util.List;

/** Global gradient-norm clipping (PyTorch's clip_grad_norm_): scales every gradient when the norm exceeds the bound. */
public final class GradientClipping {
    private GradientClipping() { }

    /** The L2 norm over all gradients, accumulated in double. */
    public static double norm(List<Parameter> parameters) {
        double sum = 0;
        for (Parameter p : parameters) sum += sumOfSquares(p.grad());
        return Math.sqrt(sum);
    }

    /** Sum of squares through the column statistics of an n x 1 view: n (var + mean^2), in double on every backend. */
    static double sumOfSquares(Tensor t) {
        if (t.size() == 0) return 0;
        Tensor column = t.view(Math.toIntExact(t.size()), 1);
        ColumnStats s = t.backend().columnMeanVar(column, 0);
        double m = s.mean()[0];
        return t.size() * (s.variance()[0] + m * m);
    }

    /** Clips to {@code maxNorm} and returns the norm before clipping. */
    public static double clip(List<Parameter> parameters, double maxNorm) {
        double n = norm(parameters);
        if (n > maxNorm && n > 0) {
            float f = (float) (maxNorm / (n + 1e-6));
            for (Parameter p : parameters) p.grad().backend().scale(f, p.grad());
        }
        return n;
    }
}
