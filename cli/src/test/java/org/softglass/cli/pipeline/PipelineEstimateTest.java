package org.softglass.cli.pipeline;

import org.softglass.cli.CliRunner;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PipelineEstimate}: the projection is the stated arithmetic of the preset's lengths and the
 * measured rates; {@code pipeline --estimate} measures real rates, prints the table, and writes nothing
 * into the run directory.
 */
class PipelineEstimateTest {

    /**
     * paper-lite with round rates: 1e6 atom-steps/s, 0.5 s per IS frame, 0.1 s per descriptor frame,
     * 1000 TRSP events/s per thread on 2 threads. Every number below is computed by hand from the
     * preset's table (8 temperatures, dump every 200 steps).
     */
    @Test
    void projectionIsTheStatedArithmetic() {
        PipelinePreset p = PipelinePreset.byName("paper-lite");
        long eq = 0, prod = 0, frames = 0;
        for (int k = 0; k < p.temperatures().length; k++) {
            eq += p.equilibrate(k);
            prod += p.steps(k);
            frames += p.steps(k) / 200 + 1;
        }
        assertEquals(570_000, eq);
        assertEquals(1_870_000, prod);
        assertEquals(9358, frames);
        PipelineRates r = new PipelineRates(2, 1e6, 0.5, 0.1, 1000);
        List<PipelineEstimate.Stage> s = PipelineEstimate.project(p, r);
        assertEquals("simulate", s.get(0).name());
        assertEquals((2000 + 570_000 + 1_870_000) * 1000.0 / 1e6 + 9358 * 0.5, s.get(0).seconds(), 1e-6);
        assertEquals(9358 * 0.1, s.get(1).seconds(), 1e-9);
        assertEquals(8.0 * 8 * 40_000 / (1000 * 2), s.get(2).seconds(), 1e-9);
        String table = PipelineEstimate.table(p, r, s);
        assertTrue(table.contains("total") && table.contains("paper-lite"), table);

        // on a cluster: the MD chain, then the 8 softness items spread over the nodes (longest first), then trsp. Frames per
        // temperature (dump every 200): 40 000 steps at the four highest T -> 201 each, then 70 000 -> 351, 160 000 -> 801,
        // 480 000 -> 2401, 1 000 000 -> 5001
        double chain = s.get(0).seconds(), trsp = s.get(2).seconds();
        double[] one = PipelineEstimate.cluster(p, r, 1);
        assertEquals(chain, one[0], 1e-6);
        assertEquals(9358 * 0.1, one[1], 1e-9);
        assertEquals(chain + 9358 * 0.1 + trsp, one[3], 1e-6);
        assertEquals(5001 * 0.1, PipelineEstimate.cluster(p, r, 2)[1], 1e-9, "T = 0.50 alone on one node; the other 4357 frames on the other");
        assertEquals(5001 * 0.1, PipelineEstimate.cluster(p, r, 8)[1], 1e-9, "one temperature per node: the longest");
        assertTrue(PipelineEstimate.clusterTable(p, r, 3).contains(" 3 node(s)"));
        // with --quench-shards K = nodes: the MD chain, then the last temperature's 5001 frames quenched on the nodes
        double md = (2000 + 570_000 + 1_870_000) * 1000.0 / 1e6;
        double[] sh = PipelineEstimate.clusterSharded(p, r, 8, false);
        assertEquals(md, sh[0], 1e-6);
        assertEquals(5001 * 0.5 / 8, sh[1], 1e-9);
        assertEquals(md + 5001 * 0.5 / 8 + 5001 * 0.1 + trsp, sh[4], 1e-6, "8 nodes: the critical path");
        assertEquals(one[3], PipelineEstimate.clusterSharded(p, r, 1, false)[4], 1e-6, "1 node: all the work, one item after the other");
        // with --softness-shards 8 too: 9358 frames in 8 blocks per temperature (at most 626 frames each) spread over 8
        // nodes longest first: at most the even share plus the largest block (the greedy's bound)
        double[] both = PipelineEstimate.clusterSharded(p, r, 8, true);
        assertTrue(both[2] <= 9358 * 0.1 / 8 + 626 * 0.1 + 1e-9, "softness " + both[2]);
        assertTrue(both[2] < sh[2] / 3, "sharding the softness beats one item per temperature (the 5001 frames of T = 0.50 alone): " + both[2]);
        assertEquals(one[3], PipelineEstimate.clusterSharded(p, r, 1, true)[4], 1e-6, "1 node: the same work");
        assertEquals(9358 * 0.1 / 2, PipelineEstimate.softnessSharded(p, r, 2), 0.1 * 2, "2 nodes: half the frames each, within a block");
    }

    /** The quench and descriptor rates are per frame on `threads` free cores: with more threads than cores the table says so. */
    @Test
    void tableNotesMoreThreadsThanCores() {
        PipelinePreset p = PipelinePreset.byName("paper-lite");
        int cores = org.softglass.core.parallel.Parallel.availableCores();
        PipelineRates fits = new PipelineRates(1, 1e6, 0.5, 0.1, 1000), more = new PipelineRates(cores + 1, 1e6, 0.5, 0.1, 1000);
        assertTrue(!PipelineEstimate.table(p, fits, PipelineEstimate.project(p, fits)).contains("note:"));
        String t = PipelineEstimate.table(p, more, PipelineEstimate.project(p, more));
        assertTrue(t.contains("note: the quench and descriptor rates are for " + (cores + 1) + " free cores; this machine has " + cores), t);
    }

    @Test
    void estimateMeasuresPrintsAndWritesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--estimate", "--threads", "2", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("measured: MD"), r.out());
        assertTrue(r.out().matches("(?s).*MD [0-9.e+]+ atom-steps/s \\(inter-core round trip [0-9]+ ns just before; 2-thread MD.*"), r.out());
        for (String stage : List.of("simulate", "softness", "trsp", "total")) assertTrue(r.out().contains("  " + stage), r.out());
        assertTrue(!Files.exists(out), "an estimate creates no run directory");
    }
}
