import ibinit.api.DenseStack;
import ibinit.api.StackInit;
import ibinit.backend.Activation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Initializes a 784-100-10 ReLU MLP (Kaiming-normal), writes it as safetensors for PyTorch, and
 * writes the network's output for one fixed input, so load_in_pytorch.py can check that
 * model.load_state_dict(...) gives the same network.
 *
 *   java --enable-native-access=ALL-UNNAMED -cp cli/target/ibinit-cli-*-all.jar examples/export-pytorch/ExportToPyTorch.java OUT_DIR
 *   python3 examples/export-pytorch/load_in_pytorch.py OUT_DIR
 */
public class ExportToPyTorch {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "runs/export-pytorch");
        Files.createDirectories(out);
        DenseStack mlp = DenseStack.zeros(Activation.RELU, 784, 100, 10);
        StackInit.initialize(mlp, "kaiming-normal", 1);
        mlp.saveSafeTensors(out.resolve("mlp.safetensors"), Map.of("method", "kaiming-normal", "seed", "1", "arch", mlp.arch()));

        // The scores for the input x[i] = i / 784, computed here in plain Java.
        float[] h = new float[784];
        for (int i = 0; i < h.length; i++) h[i] = i / 784f;
        for (int l = 0; l < mlp.layers(); l++) {
            float[] z = new float[mlp.sizes()[l + 1]];
            for (int o = 0; o < z.length; o++) {
                double v = mlp.bias(l)[o];
                for (int i = 0; i < h.length; i++) v += mlp.weight(l)[o * h.length + i] * h[i];
                z[o] = l + 1 < mlp.layers() ? (float) Math.max(0, v) : (float) v;
            }
            h = z;
        }
        StringBuilder scores = new StringBuilder();
        for (float v : h) scores.append(String.format(Locale.ROOT, "%.9g%n", v));
        Files.writeString(out.resolve("expected-scores.txt"), scores);
        System.out.println("wrote " + out.resolve("mlp.safetensors") + " (" + mlp.arch() + ", kaiming-normal, seed 1) and "
                + out.resolve("expected-scores.txt"));
    }
}
