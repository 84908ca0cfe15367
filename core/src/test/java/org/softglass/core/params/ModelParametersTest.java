package org.softglass.core.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.params.ModelParameters.Barriers;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.params.ModelParameters.Gaussian;
import org.softglass.core.params.ModelParameters.MeanSoftness;

class ModelParametersTest {
    @TempDir Path dir;

    static final Barriers KA = new Barriers(7.5, -0.9, 0.02, 8.7, 0.86);

    @Test
    void roundTripsEverySection() throws Exception {
        var p = new ModelParameters(KA, new Gaussian(-1.2, 1.1), 4.0, new MeanSoftness(0.5, -1.4),
                new ExpCorrelation(1.2, 0.5, 1.3), new ExpCorrelation(0.9, 0.6, 1.1),
                new ExpCorrelation(1, 0.4, 0.8), Map.of("barriers.eps1", 0.05), Map.of("source", "test"));
        Path f = dir.resolve("p.json");
        p.write(f);
        assertEquals(p, ModelParameters.read(f));
        var q = new ModelParameters(KA, new Gaussian(0, 1), 3.5);
        q.write(f);
        var back = ModelParameters.read(f);
        assertEquals(q, back);
        assertNull(back.cS());
    }

    /** An error no fit could estimate is left out of the file, which stays readable (it was once written as "NaN"). */
    @Test
    void aNonFiniteErrorIsLeftOutAndTheFileReadsBack() throws Exception {
        var p = new ModelParameters(KA, new Gaussian(-1.2, 1.1), 4.0, null, null, null, null,
                Map.of("barriers.eps1", 0.05, "barriers.t0", Double.NaN), Map.of());
        Path f = dir.resolve("p.json");
        p.write(f);
        assertEquals(Map.of("barriers.eps1", 0.05), ModelParameters.read(f).errors());
        assertTrue(!Files.readString(f).contains("NaN"), Files.readString(f));
    }

    @Test
    void barriersFollowDesignSection5() {
        double t = 0.5, s = 1.7;
        double direct = KA.entropy(s) - KA.deltaE(s) / t;
        assertEquals(direct, KA.logProbability(s, t), 1e-12);
        // at T0 the probability no longer depends on S (the sign convention of DESIGN §5)
        assertEquals(KA.logProbability(-3, 0.86), KA.logProbability(3, 0.86), 1e-12);
        assertEquals(KA.entropy(2) - KA.deltaE(2) / 0.86, KA.logProbability(-3, 0.86), 1e-12);
        assertEquals(0, KA.gamma(1.0));
        assertTrue(KA.gamma(0.5) > 0, "softer particles rearrange more below T0 (eps1 < 0)");
    }

    @Test
    void badFilesNameTheFieldAndTheFile() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"schema\":\"softglass.model-parameters/1\",\"barriers\":{\"eps0\":1,\"eps1\":0,\"eps2\":0,\"sigma0\":0,\"t0\":1},"
                + "\"rho\":{\"s0\":0,\"sigma0\":-1},\"tauR\":4}");
        var e = assertThrows(InputFormatException.class, () -> ModelParameters.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("sigma0"), e.getMessage());
        Files.writeString(f, "{\"schema\":\"softglass.model-parameters/1\",\"barriers\":{\"eps0\":1},\"rho\":{\"s0\":0,\"sigma0\":1},\"tauR\":4}");
        e = assertThrows(InputFormatException.class, () -> ModelParameters.read(f));
        assertTrue(e.getMessage().contains("barriers.eps1"), e.getMessage());
        Files.writeString(f, "{\"schema\":\"softglass.model-parameters/1\",\"barriers\":{\"eps0\":1,\"eps1\":0,\"eps2\":0,\"sigma0\":0,\"t0\":1},"
                + "\"rho\":{\"s0\":0,\"sigma0\":1},\"tauR\":4,\"cs\":{}}");
        e = assertThrows(InputFormatException.class, () -> ModelParameters.read(f));
        assertTrue(e.getMessage().contains("unknown key 'cs'"), e.getMessage());
        Files.writeString(f, "{\"schema\":\"other\"}");
        e = assertThrows(InputFormatException.class, () -> ModelParameters.read(f));
        assertTrue(e.getMessage().contains("schema"), e.getMessage());
        Files.writeString(f, "{not json");
        e = assertThrows(InputFormatException.class, () -> ModelParameters.read(f));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }
}
