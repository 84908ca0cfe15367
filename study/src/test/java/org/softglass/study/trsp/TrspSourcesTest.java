package org.softglass.study.trsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.TrspPresets;

/** {@link KickSource}, {@link CsSource}: the files {@link TrspParameterStudy#resolve} wrote, read back. */
class TrspSourcesTest {
    @TempDir Path dir;
    private static final double[] TS = {0.5, 0.6};
    private static final TrspParameterStudy.Lattice3 LAT = new TrspParameterStudy.Lattice3(10, 4, 1e-2);

    @Test
    void fittedSourcesReadBack() throws IOException {
        Path f = dir.resolve("p.json");
        TrspPresets.ka002().write(f);
        TrspParameterStudy.Result r = TrspParameterStudy.resolve(f, TS, LAT, dir);
        KickSource k = KickSource.read(dir.resolve("kick-source.json"));
        assertEquals(r.kicks(), k.source());
        assertNull(k.reason());
        assertTrue(k.fitted());
        CsSource cs = CsSource.read(dir.resolve("cs-source.json"));
        assertTrue(cs.fitted());
        assertEquals(r.c1Fitted(), cs.c1Fitted(), 0.0);
        assertEquals(r.c1Used(), cs.c1Used(), 0.0);
    }

    @Test
    void substitutedSourcesReadBack() throws IOException {
        ModelParameters pre = TrspPresets.ka002();
        Path f = dir.resolve("p.json");
        new ModelParameters(pre.barriers(), pre.rho(), pre.tauR(), pre.meanS(), new ModelParameters.ExpCorrelation(1.0, 1.5, 3.0), pre.sigmaDelta(),
                new ModelParameters.ExpCorrelation(1.0, 10.77, 1.35), pre.errors(), pre.provenance()).write(f);
        TrspParameterStudy.Result r = TrspParameterStudy.resolve(f, TS, LAT, dir);
        KickSource k = KickSource.read(dir.resolve("kick-source.json"));
        assertFalse(k.fitted());
        assertEquals(r.kicks(), k.source());
        assertEquals(r.kickReason(), k.reason());
        CsSource cs = CsSource.read(dir.resolve("cs-source.json"));
        assertFalse(cs.fitted());
        assertEquals(1.5, cs.c1Fitted(), 0.0);
        assertEquals(r.c1Used(), cs.c1Used(), 0.0);
    }
}
