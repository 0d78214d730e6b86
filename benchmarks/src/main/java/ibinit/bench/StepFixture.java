package ibinit.bench;

import ibinit.backend.Activation;
import ibinit.backend.Backend;
import ibinit.backend.RandomStream;
import ibinit.init.BiasInit;
import ibinit.init.InitContext;
import ibinit.init.Initializers;
import ibinit.nn.Architecture;
import ibinit.nn.Sequential;
import ibinit.nn.Sgd;
import ibinit.tensor.Tensor;
import java.util.Arrays;

/**
 * What the training-step benchmarks train: a ReLU network initialized by {@code init} from seed 1,
 * SGD with momentum 0.9, and a synthetic labelled sample already on the backend (x ~ U(0, 1) from
 * stream (2, 0), label i mod 10), so a step's cost excludes data staging.
 */
final class StepFixture implements AutoCloseable {
    final Backend backend;
    final Architecture arch;
    final Sequential net;
    final Sgd sgd;
    /** Every drawn row and its label. */
    final Tensor sample, sampleLabels;
    /** The first {@code batch} rows, what one training step reads (views of the sample), and the loss gradient for them. */
    final Tensor x, labels, grad;

    StepFixture(Backend b, String arch, String init, float lr, int rows, int batch) {
        backend = b;
        this.arch = Architecture.parse(arch);
        net = Sequential.build(b, this.arch, Activation.RELU, 0f);
        Initializers.create(init, Activation.RELU, 0, BiasInit.ZEROS).initialize(net, InitContext.seeded(1));
        sgd = new Sgd(lr, 0.9f, 0f, false);
        sample = b.zeros(rows, this.arch.inputSize());
        b.fillUniform(sample, RandomStream.of(2, 0), 0, 1);
        int[] y = new int[rows];
        for (int i = 0; i < y.length; i++) y[i] = i % 10;
        sampleLabels = b.fromArray(y, rows);
        x = sample.slice(0, batch);
        labels = sampleLabels.slice(0, batch);
        grad = b.zeros(batch, this.arch.outputSize());
    }

    /** One plain SGD step on {@link #x}: forward, softmax cross-entropy, backward, update; the loss. */
    double trainStep() {
        double loss = backend.softmaxCrossEntropy(net.forward(x), labels, grad);
        net.backward(grad);
        sgd.step(net.parameters());
        return loss;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    @Override
    public void close() {
        sgd.close();
        net.close();
        grad.close();
        sample.close();
        sampleLabels.close();
    }
}
