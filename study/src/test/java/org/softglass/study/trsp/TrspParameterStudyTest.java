package org.softglass.study.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.Circulant;
import org.softglass.core.trsp.Lattice;
import org.softglass.core.trsp.TrspPresets;

/** {@link TrspParameterStudy}: every substitution is a value of the result and a source file, and the substitute is accepted. */
class TrspParameterStudyTest {
    @TempDir Path dir;
    private static final double[] TS = {0.5, 0.6};
    private static final TrspParameterStudy.Lattice3 LAT = new TrspParameterStudy.Lattice3(10, 4, 1e-2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelParameters with(ModelParameters p, ModelParameters.ExpCorrelation cs, ModelParameters.ExpCorrelation rhoDelta) {
        return new ModelParameters(p.barriers(), p.rho(), p.tauR(), p.meanS(), cs, p.sigmaDelta(), rhoDelta, p.errors(), p.provenance());
    }

    @Test
    void thePresetIsUsedAsFitted() throws IOException {
        Path f = dir.resolve("p.json");
        TrspPresets.ka002().write(f);
        TrspParameterStudy.Result r = TrspParameterStudy.resolve(f, TS, LAT, dir);
        assertEquals(f, r.file());
        assertEquals(TrspParameterStudy.FITTED, r.kicks());
        assertNull(r.kickReason());
        assertFalse(r.fallback());
        assertEquals("fitted", JSON.readTree(dir.resolve("kick-source.json").toFile()).get("source").asText());
    }

    @Test
    void refusedKicksAreReplacedByScaledPresetKicksThatTheModelAccepts() throws IOException {
        ModelParameters pre = TrspPresets.ka002();
        // the demo's failure mode: a ρ_Δ fit with c1 = 10.8 > c0 = 1 is no correlation (not positive definite)
        Path f = dir.resolve("p.json");
        with(pre, pre.cS(), new ModelParameters.ExpCorrelation(1.0, 10.77, 1.35)).write(f);
        assertNotNull(TrspParameterStudy.accepts(ModelParameters.read(f), TS, LAT));
        TrspParameterStudy.Result r = TrspParameterStudy.resolve(f, TS, LAT, dir);
        assertTrue(r.fallback());
        assertTrue(r.kicks().startsWith("ka-002 preset kicks, sigmaDelta scaled by "), r.kicks());
        assertTrue(r.kickReason().contains("positive definite"), r.kickReason());
        assertEquals(dir.resolve("model-parameters-trsp.json"), r.file());
        ModelParameters used = ModelParameters.read(r.file());
        assertNull(TrspParameterStudy.accepts(used, TS, LAT), "the substitute is accepted");
        assertEquals(pre.rhoDelta().c1(), used.rhoDelta().c1(), 0.0);
        assertTrue(used.provenance().get("kicks").toString().contains("the fitted ones were refused"));
        JsonNode ks = JSON.readTree(dir.resolve("kick-source.json").toFile());
        assertEquals(r.kicks(), ks.get("source").asText());
        assertEquals(r.kickReason(), ks.get("reason").asText());
    }

    @Test
    void aCsThatIsNoCovarianceOnTheLatticeHasItsC1Reduced() throws IOException {
        ModelParameters pre = TrspPresets.ka002();
        ModelParameters.ExpCorrelation bad = new ModelParameters.ExpCorrelation(1.0, 1.5, 3.0);
        Lattice lattice = new Lattice(LAT.side());
        assertTrue(new Circulant(lattice, bad::at).minEigenvalue() <= 0, "the planted C_S is not positive definite");
        Path f = dir.resolve("p.json");
        with(pre, bad, pre.rhoDelta()).write(f);
        TrspParameterStudy.Result r = TrspParameterStudy.resolve(f, TS, LAT, dir);
        assertEquals(1.5, r.c1Fitted(), 0.0);
        assertTrue(r.c1Used() < 1.5 && r.fallback());
        var used = ModelParameters.read(dir.resolve("model-parameters-cs.json")).cS();
        assertEquals(r.c1Used(), used.c1(), 0.0);
        assertTrue(new Circulant(lattice, used::at).minEigenvalue() > 0);
        assertTrue(new Circulant(lattice, new ModelParameters.ExpCorrelation(1.0, used.c1() / 0.9, 3.0)::at).minEigenvalue() <= 0,
                "reduced by the fewest 0.9 steps");
        assertEquals(Map.of("source", "c1 reduced until positive definite on the lattice"),
                Map.of("source", JSON.readTree(dir.resolve("cs-source.json").toFile()).get("source").asText()));
    }
}
