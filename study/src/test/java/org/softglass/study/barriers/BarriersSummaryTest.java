package org.softglass.study.barriers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.io.JsonFile;

/** {@link BarriersSummary}, {@link OnsetSource}: what {@link BarrierReport} and {@link BarriersStudy#presetOnset} wrote, read back. */
class BarriersSummaryTest {
    @TempDir Path dir;

    @Test
    void momentsAndMeanFitReadBackAsWritten() throws IOException {
        Random rnd = new Random(5);
        List<BarrierAnalysis.Sample> samples = new ArrayList<>();
        for (double t : new double[] {0.5, 0.6, 0.7}) {
            double[] s = new double[4000];
            boolean[] r = new boolean[s.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = 0.5 - 0.3 / t + rnd.nextGaussian();
                r[i] = rnd.nextDouble() < Math.exp(-2 + 0.5 * s[i]);
            }
            samples.add(new BarrierAnalysis.Sample(t, s, r));
        }
        BarrierAnalysis.Result r = BarrierAnalysis.run(samples, new BarrierAnalysis.Options(new SoftnessBins(-3, 2, 10), 20, 1, 5, 0.9, false, false, false));
        Map<String, Object> j = BarrierReport.write(r, dir, "S", new ArrayList<>());
        JsonFile.write(dir.resolve("barriers.json"), j);
        BarriersSummary b = BarriersSummary.read(dir.resolve("barriers.json"));
        assertEquals(r.moments().size(), b.moments().size());
        for (int i = 0; i < r.moments().size(); i++) {
            assertEquals(r.moments().get(i).t(), b.moments().get(i).t(), 0.0);
            assertEquals(r.moments().get(i).mean(), b.moments().get(i).mean(), 0.0);
            assertEquals(r.moments().get(i).std(), b.moments().get(i).std(), 0.0);
        }
        assertEquals(r.meanS().params()[0], b.meanFit().a(), 0.0);
        assertEquals(r.meanS().params()[1], b.meanFit().b(), 0.0);
        assertEquals(r.meanS().scaledErrors()[0], b.meanFit().aErr(), 0.0);
        assertEquals(r.meanS().scaledErrors()[1], b.meanFit().bErr(), 0.0);
        assertNull(b.onsetFit());
        assertNull(b.onsetExcludedTemperatures());
    }

    @Test
    void onsetSourceReadsBack() throws IOException {
        BarriersStudy.presetOnset(dir, 2.0, "no temperature below T0");
        OnsetSource o = OnsetSource.read(dir.resolve("onset-source.json"));
        assertEquals(BarriersStudy.ONSET_PRESET, o.source());
        assertEquals("no temperature below T0", o.reason());
        assertFalse(o.fitted());
        new OnsetSource(OnsetSource.FITTED, null).write(dir.resolve("fitted.json"));
        assertTrue(OnsetSource.read(dir.resolve("fitted.json")).fitted());
        assertEquals("{\n  \"source\" : \"fitted\",\n  \"reason\" : null\n}", java.nio.file.Files.readString(dir.resolve("fitted.json")));
    }
}
