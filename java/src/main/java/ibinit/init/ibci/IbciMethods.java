package ibinit.init.ibci;

import ibinit.init.InitMethod;
import ibinit.init.Initializer;
import ibinit.init.MethodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry entries of this issue: {@code ibci[:options]} (see {@link IbciOptions}), its
 * aliases for {@code compare} runs: {@code ibci-xavier}, {@code ibci-he} (the paper's IBCI, a = 1 in
 * every layer, on either base); {@code ibci-code-xavier}, {@code ibci-code-he} (the authors' code
 * default, option {@code code}); {@code ibci-iim-xavier}, {@code ibci-iim-he} (option {@code iim});
 * {@code ibci-tie}, {@code ibci-iim} (options {@code tie}, {@code iim} on the default base).
 * Further options may follow, e.g. {@code ibci-code-he:rescale}.
 */
public final class IbciMethods {
    public static final List<String> NAMES = List.of("ibci", "ibci-xavier", "ibci-he", "ibci-code-xavier", "ibci-code-he",
            "ibci-iim-xavier", "ibci-iim-he", "ibci-tie", "ibci-iim");

    /** The registry entries ({@link ibinit.init.Initializers#METHODS}). */
    public static final List<InitMethod> METHODS = List.of(
            new InitMethod("ibci", List.of(), "base=xavier|he,pool=K,alpha=A,scoring=authors|paper,tie,iim,code,rescale",
                    "neuron campaign (Mao et al. 2021): candidates scored on the sample, elected per class", (s, env) -> create(s)),
            new InitMethod("ibci-xavier", List.of(), "", "ibci with base=xavier (the paper's IBCI: TIE)", (s, env) -> create(s)),
            new InitMethod("ibci-he", List.of(), "", "ibci with base=he (the paper's IBCI: TIE)", (s, env) -> create(s)),
            new InitMethod("ibci-code-xavier", List.of(), "", "ibci with base=xavier,code (the authors' code default)", (s, env) -> create(s)),
            new InitMethod("ibci-code-he", List.of(), "", "ibci with base=he,code (the authors' code default)", (s, env) -> create(s)),
            new InitMethod("ibci-iim-xavier", List.of(), "", "ibci with base=xavier,iim", (s, env) -> create(s)),
            new InitMethod("ibci-iim-he", List.of(), "", "ibci with base=he,iim", (s, env) -> create(s)),
            new InitMethod("ibci-tie", List.of(), "", "ibci with tie", (s, env) -> create(s)),
            new InitMethod("ibci-iim", List.of(), "", "ibci with iim", (s, env) -> create(s)));

    private static final Map<String, Map<String, String>> ALIASES = Map.of(
            "ibci", Map.of(),
            "ibci-xavier", Map.of("base", "xavier"),
            "ibci-he", Map.of("base", "he"),
            "ibci-code-xavier", Map.of("base", "xavier", "code", "true"),
            "ibci-code-he", Map.of("base", "he", "code", "true"),
            "ibci-iim-xavier", Map.of("base", "xavier", "iim", "true"),
            "ibci-iim-he", Map.of("base", "he", "iim", "true"),
            "ibci-tie", Map.of("tie", "true"),
            "ibci-iim", Map.of("iim", "true"));

    private IbciMethods() { }

    /** The method {@code spec} names, or null when it is none of this registry's. */
    public static Initializer create(MethodSpec spec) {
        Map<String, String> preset = ALIASES.get(spec.name());
        if (preset == null) return null;
        Map<String, String> merged = new LinkedHashMap<>(preset);
        for (var e : spec.options().entrySet()) {
            if (preset.containsKey(e.getKey()) && !preset.get(e.getKey()).equals(e.getValue())) {
                throw new IllegalArgumentException(spec.name() + " already sets " + e.getKey() + "=" + preset.get(e.getKey()));
            }
            merged.put(e.getKey(), e.getValue());
        }
        return new Ibci(IbciOptions.parse(new MethodSpec(spec.name(), Map.copyOf(merged))), spec.toString());
    }
}
