package ibinit.nn;

import ibinit.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/** Per-parameter state buffers (momentum, Adam moments), zeroed on first use and freed on close. */
final class OptimizerState implements AutoCloseable {
    private final Map<Parameter, Tensor> buffers = new IdentityHashMap<>();

    Tensor of(Parameter p) {
        return buffers.computeIfAbsent(p, q -> q.value().backend().zeros(q.value().shape()));
    }

    @Override
    public void close() {
        buffers.values().forEach(Tensor::close);
        buffers.clear();
    }
}
