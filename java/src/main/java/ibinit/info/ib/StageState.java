package ibinit.info.ib;

import ibinit.nn.Adam;
import ibinit.nn.Parameter;
import ibinit.tensor.Tensor;
import java.util.List;

/** What lives for one {@link Stage}: the optimizer of the parameters it trains and the critics of its representation. */
final class StageState implements AutoCloseable {
    final Stage stage;
    final List<Parameter> params;
    final Adam adam;
    final IbTerms terms; // null when no IB term is on
    private Tensor gradient; // d(loss)/d(representation) of a step, reused (an allocation per step is slow on a GPU)

    StageState(Stage stage, List<Parameter> params, Adam adam, IbTerms terms) {
        this.stage = stage;
        this.params = params;
        this.adam = adam;
        this.terms = terms;
    }

    /** A zeroed [rows, cols] buffer for a step's gradient, valid until the next call. */
    Tensor zeroedGradient(ibinit.backend.Backend b, int rows, int cols) {
        if (gradient == null || gradient.rows() != rows || gradient.cols() != cols) {
            if (gradient != null) gradient.close();
            gradient = b.zeros(rows, cols);
        } else {
            b.scale(0f, gradient);
        }
        return gradient;
    }

    @Override
    public void close() {
        if (gradient != null) gradient.close();
        adam.close();
        if (terms != null) terms.close();
    }
}
