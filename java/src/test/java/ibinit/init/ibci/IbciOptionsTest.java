package ibinit.init.ibci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ibinit.backend.Activation;
import ibinit.init.BiasInit;
import ibinit.init.Initializers;
import ibinit.init.MethodSpec;
import org.junit.jupiter.api.Test;

class IbciOptionsTest {
    static IbciOptions parse(String s) { return IbciOptions.parse(MethodSpec.parse(s)); }

    @Test
    void defaultsAreThePapers() {
        IbciOptions o = parse("ibci");
        assertEquals(CandidateBase.XAVIER, o.base());
        assertEquals(Scoring.AUTHORS, o.scoring());
        assertEquals(500, o.poolFor(100));
        assertEquals(1000, o.poolFor(256));
        assertEquals(1500, o.poolFor(1500), "never fewer candidates than neurons");
        assertEquals(1, o.alphaFor(0, 2), "the paper's IBCI: a = 1 in every layer (TIE)");
        assertEquals(1, o.alphaFor(3, 5));
        assertEquals(1, o.alphaFor(4, 5));
        assertEquals(o.alphaFor(0, 3), parse("ibci:tie").alphaFor(0, 3));
        assertTrue(!o.rescale() && !o.code());
    }

    @Test
    void theAuthorsCodeDefault() {
        IbciOptions o = parse("ibci:code");
        assertEquals(0, o.alphaFor(0, 2));
        assertEquals(1, o.alphaFor(1, 2));
        assertEquals(0, o.alphaFor(3, 5), "deeper nets: hidden layers keep a = 0");
        assertEquals(1, o.alphaFor(4, 5));
        assertTrue(parse("ibci:code,rescale").rescale());
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:code,tie"));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:code,iim"));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:code,alpha=0.5"));
    }

    @Test
    void alphaAsOneValueOrAList() {
        assertEquals(0.3, parse("ibci:alpha=0.3").alphaFor(1, 2));
        IbciOptions o = parse("ibci:alpha=0.2;0.7;1");
        assertEquals(0.7, o.alphaFor(1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.alphaFor(0, 2));
        assertTrue(e.getMessage().contains("3 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:alpha=1.5"));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:alpha=x"));
    }

    @Test
    void ablations() {
        IbciOptions tie = parse("ibci:tie");
        assertEquals(1, tie.alphaFor(0, 3));
        assertEquals(1, tie.alphaFor(2, 3));
        IbciOptions iim = parse("ibci:iim");
        assertEquals(0, iim.alphaFor(0, 3));
        assertEquals(0, iim.alphaFor(2, 3), "IIM differs from the code default in the output layer");
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:tie,iim"));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:tie,alpha=0.5"));
    }

    @Test
    void otherOptions() {
        assertEquals(CandidateBase.HE, parse("ibci:base=he").base());
        assertEquals(Scoring.PAPER, parse("ibci:scoring=paper").scoring());
        assertEquals(64, parse("ibci:pool=64").poolFor(10));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:pool=5").poolFor(10));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:pool=0"));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:base=lecun"));
        assertThrows(IllegalArgumentException.class, () -> parse("ibci:scoring=x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("ibci:bse=he"));
        assertTrue(e.getMessage().contains("bse"), e.getMessage());
    }

    @Test
    void registryAliases() {
        Ibci he = (Ibci) Initializers.create("ibci-he", Activation.RELU, 0, BiasInit.ZEROS);
        assertEquals(CandidateBase.HE, he.options().base());
        assertEquals(CandidateBase.XAVIER, ((Ibci) Initializers.create("ibci-xavier", Activation.RELU, 0, BiasInit.ZEROS)).options().base());
        Ibci tie = (Ibci) Initializers.create("ibci-tie:base=he", Activation.RELU, 0, BiasInit.ZEROS);
        assertTrue(tie.options().tie());
        assertEquals(CandidateBase.HE, tie.options().base());
        assertTrue(((Ibci) Initializers.create("ibci-iim", Activation.RELU, 0, BiasInit.ZEROS)).options().iim());
        IbciOptions code = ((Ibci) Initializers.create("ibci-code-he:rescale", Activation.RELU, 0, BiasInit.ZEROS)).options();
        assertTrue(code.code() && code.rescale());
        assertEquals(CandidateBase.HE, code.base());
        IbciOptions iimHe = ((Ibci) Initializers.create("ibci-iim-he", Activation.RELU, 0, BiasInit.ZEROS)).options();
        assertTrue(iimHe.iim());
        assertEquals(CandidateBase.HE, iimHe.base());
        assertEquals(IbciOptions.defaults(), ((Ibci) Initializers.create("ibci-xavier", Activation.RELU, 0, BiasInit.ZEROS)).options());
        assertThrows(IllegalArgumentException.class, () -> Initializers.create("ibci-he:base=xavier", Activation.RELU, 0, BiasInit.ZEROS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Initializers.create("nosuch", Activation.RELU, 0, BiasInit.ZEROS));
        assertTrue(e.getMessage().contains("ibci-tie"), e.getMessage());
    }
}
