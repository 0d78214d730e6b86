package ibinit.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ibinit.backend.Activation;
import ibinit.info.MarginalSampling;
import org.junit.jupiter.api.Test;

class ChoicesTest {
    @Test
    void namesAreReadWhateverTheirCaseBlanksAndUnderscores() {
        assertEquals(MarginalSampling.ALL_PAIRS, MarginalSampling.parse(" All_Pairs "));
        assertEquals(Activation.LEAKY_RELU, Activation.parse("LEAKY_RELU"));
        assertEquals(Activation.LEAKY_RELU, Activation.parse("LeakyReLU")); // PyTorch's spelling
        assertEquals(Activation.IDENTITY, Activation.parse("linear"));
    }

    @Test
    void anUnknownNameIsOneLineListingEveryChoice() {
        var e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("gelu"));
        assertEquals("unknown activation 'gelu' (choose from identity, relu, leaky-relu, tanh, sigmoid)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MarginalSampling.parse("shuffle"));
        assertEquals("unknown marginal sampling 'shuffle' (choose from permutation, derangement, all-pairs)", e.getMessage());
    }
}
