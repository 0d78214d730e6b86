import ibinit.api.DenseStack;
import ibinit.api.IbciSettings;
import ibinit.api.Sample;
import ibinit.api.StackInit;
import ibinit.backend.Activation;
import java.util.SplittableRandom;

/**
 * Initializes your own MLP, held as plain arrays, with IBCI (neuron campaign) from a data sample,
 * then shows what the campaign bought before any training: the accuracy of the initialized
 * network on the sample, against a data-free Xavier start of the same arrays.
 *
 * Run (from the ibinit folder, after scripts/build.sh):
 *   java --enable-native-access=ALL-UNNAMED -cp cli/target/ibinit-cli-*-all.jar examples/ibci-from-arrays/IbciFromArrays.java
 */
public class IbciFromArrays {
    static final int FEATURES = 20, HIDDEN = 32, CLASSES = 4, ROWS = 800;

    public static void main(String[] args) {
        // Your data: here 4 Gaussian blobs in 20 dimensions; rows are examples, labels 0..3.
        SplittableRandom rng = new SplittableRandom(7);
        float[][] centres = new float[CLASSES][FEATURES];
        for (float[] c : centres) for (int j = 0; j < FEATURES; j++) c[j] = (float) (2 * rng.nextGaussian());
        float[] x = new float[ROWS * FEATURES];
        int[] y = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            y[r] = r % CLASSES;
            for (int j = 0; j < FEATURES; j++) x[r * FEATURES + j] = centres[y[r]][j] + (float) rng.nextGaussian();
        }

        // Your network: weights [out, in] row-major as PyTorch's nn.Linear, one array per layer.
        DenseStack mlp = DenseStack.zeros(Activation.RELU, FEATURES, HIDDEN, CLASSES);
        StackInit.ibci(mlp, Sample.of(x, y, FEATURES), IbciSettings.builder().build(), 1);
        double ibci = accuracy(mlp, x, y);

        DenseStack xavier = DenseStack.zeros(Activation.RELU, FEATURES, HIDDEN, CLASSES);
        StackInit.initialize(xavier, "xavier-uniform", 1);
        double plain = accuracy(xavier, x, y);

        System.out.printf("IBCI-initialized %s: accuracy on the sample before training %.1f %% (Xavier start: %.1f %%, chance %.1f %%)%n",
                mlp.arch(), 100 * ibci, 100 * plain, 100.0 / CLASSES);
        System.out.printf("first layer: %d x %d weights, w[0][0..2] = %.4f %.4f %.4f%n", HIDDEN, FEATURES,
                mlp.weight(0)[0], mlp.weight(0)[1], mlp.weight(0)[2]);
    }

    /** Forward pass in plain Java: ReLU after every layer but the last, arg max of the scores. */
    static double accuracy(DenseStack net, float[] x, int[] y) {
        int[] sizes = net.sizes();
        int correct = 0;
        for (int r = 0; r < y.length; r++) {
            float[] h = java.util.Arrays.copyOfRange(x, r * sizes[0], (r + 1) * sizes[0]);
            for (int l = 0; l < net.layers(); l++) {
                float[] z = new float[sizes[l + 1]];
                for (int o = 0; o < z.length; o++) {
                    double v = net.bias(l)[o];
                    for (int i = 0; i < h.length; i++) v += net.weight(l)[o * h.length + i] * h[i];
                    z[o] = l + 1 < net.layers() ? (float) Math.max(0, v) : (float) v;
                }
                h = z;
            }
            int best = 0;
            for (int k = 1; k < h.length; k++) if (h[k] > h[best]) best = k;
            if (best == y[r]) correct++;
        }
        return correct / (double) y.length;
    }
}
