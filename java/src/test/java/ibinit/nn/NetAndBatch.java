package ibinit.nn;

import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.tensor.Tensor;

/**
 * Test fixture: a network with a random batch x ~ N(0, 1) [rows, inputs] and labels spread over
 * the classes, all closed together. The network's parameters are the caller's to set.
 */
public record NetAndBatch(Sequential net, Tensor x, Tensor labels) implements AutoCloseable {
    /** Takes ownership of {@code net}; x is drawn from stream (seed + 1, 0), label i is (seed + 7 i) mod classes. */
    public static NetAndBatch of(Sequential net, Architecture arch, int rows, long seed) {
        Backend b = net.backend();
        Tensor x = b.zeros(rows, arch.inputSize());
        b.fillNormal(x, RandomStream.of(seed + 1, 0), 0f, 1f);
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) y[i] = (int) ((seed + 7L * i) % arch.outputSize());
        return new NetAndBatch(net, x, b.fromArray(y, rows));
    }

    @Override
    public void close() {
        net.close();
        x.close();
        labels.close();
    }
}
