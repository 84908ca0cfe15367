package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.Manifest;

/**
 * The typed readers of a run directory's records, each read back from what its real writer wrote: {@link StageRecord}
 * ({@link PipelineLedger}) and {@link PipelineRecord} ({@link Pipeline}'s {@code pipeline.json}, {@link StudyInputs#asMap}).
 */
class PipelineReadersTest {
    @TempDir Path root;

    @Test
    void stageRecordReadsWhatTheLedgerWrote() throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("steps", 12_345L);
        params.put("T", 0.72);
        PipelineLedger.Item it = new PipelineLedger.Item("simulate", "T0.720", root.resolve("md").resolve("T0.720"), params, List.of());
        PipelineLedger l = new PipelineLedger(root, "v", 2, s -> {});
        String fp = l.fingerprint(it);
        l.begin(it, fp);
        StageRecord running = StageRecord.read(l.manifestOf(it));
        assertEquals("pipeline simulate-T0.720", running.command());
        assertFalse(running.complete());
        assertEquals(12_345L, running.parameters().steps());
        Files.createDirectories(it.dir());
        l.complete(it, fp, 2.5, Map.of("x", 1));
        StageRecord done = StageRecord.read(l.manifestOf(it));
        assertTrue(done.complete());
        assertEquals(2.5, done.seconds());
        PipelineLedger.Item phop = new PipelineLedger.Item("phop", "T0.72", root.resolve("phop"), Map.of("tR", 1.0), List.of());
        l.begin(phop, l.fingerprint(phop));
        assertNull(StageRecord.read(l.manifestOf(phop)).parameters().steps(), "no production length outside an MD item");
    }

    @Test
    void pipelineRecordReadsWhatThePipelineWrote() throws IOException {
        assertSame(PipelineRecord.NONE, PipelineRecord.of(root));
        new Pipeline(PipelinePreset.byName("smoke"), root, 3, 1, true, new PrintWriter(new StringWriter())).plan(null);
        PipelineRecord r = PipelineRecord.of(root);
        assertEquals(3, r.threads());
        assertEquals(0, r.quenchShards());
        assertNull(r.studyTrajectory("T0.450"), "a preset run has no study block");
        Files.writeString(root.resolve("pipeline.json"), "{not json");
        assertSame(PipelineRecord.NONE, PipelineRecord.of(root), "an unreadable record reads as none");
    }

    @Test
    void pipelineRecordReadsQuenchShardsAndTheStudyBlock() throws IOException {
        Path traj = root.resolve("a.dump");
        StudyInputs study = new StudyInputs("ka", root.resolve("study.yaml"), "0".repeat(64), Map.of(0.45, traj), Map.of(0.45, traj), 1.2, 5, null);
        // the parameters as Pipeline.writeManifest records them for a study run with --quench-shards 2
        Manifest m = new Manifest("v", "pipeline").param("threads", 4).param("quench_shards", 2).param("study", study.asMap());
        m.write(root.resolve("pipeline.json"));
        PipelineRecord r = PipelineRecord.of(root);
        assertEquals(4, r.threads());
        assertEquals(2, r.quenchShards());
        assertEquals(traj, r.studyTrajectory(PipelinePreset.label(0.45)));
        assertNull(r.studyTrajectory("T9.000"));
    }
}
