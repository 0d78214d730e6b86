package ibinit.init.ibci;

/** Near-equal shares of a layer's neurons among the classes: the first {@code n mod C} classes get one more. */
public final class ClassQuotas {
    private ClassQuotas() { }

    public static int[] of(int neurons, int classes) {
        if (neurons < 0 || classes < 1) throw new IllegalArgumentException("quotas of " + neurons + " neurons over " + classes + " classes");
        int[] q = new int[classes];
        for (int c = 0; c < classes; c++) q[c] = neurons / classes + (c < neurons % classes ? 1 : 0);
        return q;
    }
}
