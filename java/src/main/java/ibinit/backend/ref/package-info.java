/**
 * The pure-Java reference backend: every op computed plainly, in double where values accumulate.
 * It is the oracle the native backends are tested against, and the fallback when neither native
 * library can load.
 */
package ibinit.backend.ref;
