/**
 * Initialization methods behind {@link ibinit.init.Initializer}: the classic ones (Xavier, Kaiming,
 * LeCun, orthogonal, normal), LSUV, and the information-bottleneck methods. {@link ibinit.init.Initializers}
 * maps CLI names to them.
 */
package ibinit.init;
