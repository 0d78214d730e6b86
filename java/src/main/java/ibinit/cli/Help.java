package ibinit.cli;

import ibinit.init.Initializers;

/** Help texts more than one command shows. */
final class Help {
    private Help() { }

    /** --arch: the compact syntax, conv layers included. */
    static final String ARCH = "Architecture, tokens joined by '-': the input, a size (784) or a shape CxHxW (1x28x28); then per layer "
            + "N (dense, N units; a flatten goes first when needed), cNkK[sS][pP] (2-D convolution: N channels, K x K kernel, stride S "
            + "(1), zero padding P (0)) or mpK[sS] (K x K max-pooling, stride S (K)); the last layer is dense, one unit per class. "
            + "E.g. 784-100-10, 784-512-512-10, 1x28x28-c32k3p1-mp2-c64k3p1-mp2-128-10.";

    /** The system property the list of methods is handed to picocli in (picocli expands ${sys:...} when it prints help). */
    static final String METHODS_PROPERTY = "ibinit.help.methods";

    /** --init: every registered method with its options. */
    static final String INIT = "Initialization method NAME[:key=value,...]; every method: ${sys:" + METHODS_PROPERTY + "}.";

    /** Makes ${sys:ibinit.help.methods} available to the help texts. */
    static void publishMethods() { System.setProperty(METHODS_PROPERTY, Initializers.helpList()); }
}
