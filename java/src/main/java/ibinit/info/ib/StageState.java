package ibinit.info.ib;

import ibinit.nn.Adam;
import ibinit.nn.Parameter;
import java.util.List;

/** What lives for one {@link Stage}: the optimizer of the parameters it trains and the critics of its representation. */
final class StageState implements AutoCloseable {
    final Stage stage;
    final List<Parameter> params;
    final Adam adam;
    final IbTerms terms; // null when no IB term is on

    StageState(Stage stage, List<Parameter> params, Adam adam, IbTerms terms) {
        this.stage = stage;
        this.params = params;
        this.adam = adam;
        this.terms = terms;
    }

    @Override
    public void close() {
        adam.close();
        if (terms != null) terms.close();
    }
}
