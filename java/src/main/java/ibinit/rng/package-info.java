/**
 * Counter-based random numbers shared by every backend: {@link ibinit.rng.Philox} (Philox-4x32-10
 * and the samplers built on it) and {@link ibinit.rng.DeterministicMath} (log and cos from basic
 * IEEE operations only). Both mirror native/include/ibinit_scalar.h line by line, so a seed gives
 * the same numbers, bit for bit, in Java, C and CUDA.
 */
package ibinit.rng;
