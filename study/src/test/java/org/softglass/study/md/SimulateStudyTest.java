package org.softglass.study.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/** {@link SimulateStudy} called from Java: a short KA run, its files and manifest, and the rerun that does nothing. */
class SimulateStudyTest {
    @TempDir Path dir;

    @Test
    void aShortRunWritesThermoAndManifestAndARerunFindsItComplete() throws IOException {
        StudyContext ctx = StudyContext.of(1, "test");
        RunSpec spec = new RunSpec("ka", 300, 1.2, 1.0, 0.005, 20, "nvt", 0.5, 7, 2.0, 10, 10, 10, 10, 20, 0.3, false);
        Path out = dir.resolve("run");
        SimulateStudy.Result r = SimulateStudy.run(new SimulateStudy.Request(spec), out, ctx);
        assertEquals(40, r.run().stepsRun());
        List<String> thermo = Files.readAllLines(out.resolve("thermo.csv"));
        assertEquals("step,time,temperature,pe,ke,press,conserved", thermo.get(0));
        assertEquals(1 + 3, thermo.size(), "production steps 0, 10, 20");
        var man = new ObjectMapper().readTree(r.manifest().toFile());
        assertEquals("test", man.path("version").asText());
        assertEquals(40, man.path("results").path("steps_run").asLong());
        assertEquals(1, man.path("parameters").path("threads").asInt());
        double lastPe = Double.parseDouble(thermo.get(3).split(",")[3]);
        assertEquals(lastPe, man.path("results").path("final_pe_per_atom").asDouble(), 1e-6 * Math.abs(lastPe), "thermo pe is per atom");

        byte[] before = Files.readAllBytes(out.resolve("manifest.json"));
        SimulateStudy.Result again = SimulateStudy.run(new SimulateStudy.Request(spec), out, ctx);
        assertTrue(again.alreadyComplete());
        assertNull(again.manifest());
        assertEquals(new String(before), Files.readString(out.resolve("manifest.json")));
    }

    @Test
    void badSizesAndTolerancesNameTheParameter() {
        assertEquals("{n} must be >= 2, got 1", assertThrows(InvalidParameter.class, () -> SimulateStudy.requireFits(1, false, 1)).template());
        assertTrue(assertThrows(InvalidParameter.class, () -> SimulateStudy.requireFits(Integer.MAX_VALUE, true, 64)).template()
                .startsWith("{n} " + Integer.MAX_VALUE + " (particles) needs "));
        assertEquals("{inherentFtol} must be a finite number > 0, got 0.0",
                assertThrows(InvalidParameter.class, () -> SimulateStudy.inherentQuench(Algorithm.CG_FIRE, 0)).template());
    }
}
