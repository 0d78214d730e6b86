/**
 * IBCI, neuron campaign initialization (Mao et al., CIKM 2021): for each
 * dense layer, first to last, draw a pool of candidate neurons from a base initializer, score them
 * on a data sample by the information they keep about the input and the target, and elect the
 * layer's neurons class by class with a Gram-Schmidt null-space projection.
 *
 * <p>{@link ibinit.init.ibci.Ibci} is the initializer; {@link ibinit.init.ibci.IbciOptions} its
 * options; {@link ibinit.init.ibci.CandidateMoments} streams the sample through the candidates in
 * chunks; {@link ibinit.init.ibci.CandidateScores} turns the moments into scores;
 * {@link ibinit.init.ibci.NeuronCampaign} runs the class-grouped election. The heavy kernels are
 * backend ops ({@code classColumnMoments}, {@code greedySelect}).
 */
package ibinit.init.ibci;
