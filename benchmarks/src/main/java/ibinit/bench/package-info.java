/** JMH benchmarks of ibinit's kernels and training steps; figures go to benchmarks/RESULTS.md. */
package ibinit.bench;
