/**
 * Training with the information-bottleneck objective, as in "The effectiveness of layer-by-layer
 * training using the information bottleneck principle": layer by layer
 * (each hidden layer ascends I(Y; L_i) - beta I(X; L_i + eps) through the gradients of a MINE
 * critic D_y and an AA-MINE-style critic D_x, then is frozen; a linear head is fitted last with
 * cross-entropy), or end to end with the IB terms as a regularizer of cross-entropy. Every random
 * draw is addressed by (seed, step), so a run resumed from a checkpoint continues exactly as an
 * uninterrupted one.
 */
package ibinit.info.ib;
