/**
 * Networks: layers (dense, activations, flatten; convolution and max-pooling), {@link ibinit.nn.Sequential}
 * built from the compact {@link ibinit.nn.Architecture} syntax, and optimizers (SGD, Adam, clipping).
 */
package ibinit.nn;
