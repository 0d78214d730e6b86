package ibinit.weights;

import ibinit.nn.Parameter;
import ibinit.nn.Sequential;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A network's parameters to and from a safetensors file, by {@link Parameter#name()}
 * ({@code layers.0.weight} [out, in], {@code layers.0.bias} [out], ...), in network order.
 */
public final class NetworkWeights {
    private NetworkWeights() { }

    public static void save(Sequential net, Path file, Map<String, String> metadata) throws IOException {
        List<SafeTensors.Entry> entries = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            entries.add(new SafeTensors.Entry(p.name(), p.value().shape(), net.backend().toFloatArray(p.value())));
        }
        SafeTensors.write(file, entries, metadata);
    }

    /**
     * Sets every parameter from the file. The file must hold exactly the network's parameters with
     * the same shapes; otherwise nothing is changed and the error names each mismatch.
     */
    public static SafeTensors.Contents load(Sequential net, Path file) throws IOException {
        SafeTensors.Contents c = SafeTensors.read(file);
        List<String> problems = new ArrayList<>();
        Set<String> unused = new LinkedHashSet<>(c.tensors().keySet());
        for (Parameter p : net.parameters()) {
            SafeTensors.Entry e = c.tensors().get(p.name());
            unused.remove(p.name());
            if (e == null) problems.add("it lacks " + p.name() + " " + Arrays.toString(p.value().shape()));
            else if (!Arrays.equals(e.shape(), p.value().shape())) {
                problems.add(p.name() + " has shape " + Arrays.toString(e.shape()) + " where the network has " + Arrays.toString(p.value().shape()));
            }
        }
        for (String u : unused) problems.add("it holds " + u + " " + Arrays.toString(c.tensors().get(u).shape()) + ", which the network lacks");
        if (!problems.isEmpty()) {
            String arch = c.metadata().get("arch");
            throw new IllegalArgumentException("weights file " + file + (arch == null ? "" : " (arch " + arch + ")") + " does not fit network "
                    + net.architecture() + ": " + String.join("; ", problems));
        }
        for (Parameter p : net.parameters()) net.backend().copyFromArray(c.tensors().get(p.name()).values(), p.value());
        return c;
    }
}
