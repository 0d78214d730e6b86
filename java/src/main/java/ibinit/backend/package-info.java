/**
 * The {@link ibinit.backend.Backend} interface every numeric op goes through, the checks shared by
 * all implementations ({@link ibinit.backend.AbstractBackend}), backend selection and the thread policy.
 */
package ibinit.backend;
