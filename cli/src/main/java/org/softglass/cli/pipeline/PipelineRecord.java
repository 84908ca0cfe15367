package org.softglass.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reader of a run directory's {@code pipeline.json} (the manifest {@link Pipeline} writes: its parameters, the
 * study block of a {@code softglass study} run): the thread count and quench shards a run was made with, and a study's
 * trajectory per temperature label. An absent or unreadable record reads as {@link #NONE} (its callers then decide from
 * the stage fingerprints, or fall back to the preset layout).
 *
 * @param threads      the run's {@code --threads}, or null when not recorded
 * @param quenchShards the run's {@code --quench-shards} (0 when not recorded)
 * @param study        the {@code parameters.study} block, or a missing node
 */
public record PipelineRecord(Integer threads, int quenchShards, JsonNode study) {
    /** No record. */
    static final PipelineRecord NONE = new PipelineRecord(null, 0, com.fasterxml.jackson.databind.node.MissingNode.getInstance());

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record of run directory {@code run}, or {@link #NONE}. */
    public static PipelineRecord of(Path run) {
        Path pj = run.resolve("pipeline.json");
        if (!Files.isRegularFile(pj)) return NONE;
        try {
            JsonNode p = JSON.readTree(pj.toFile()).path("parameters");
            JsonNode t = p.path("threads"), q = p.path("quench_shards");
            return new PipelineRecord(t.isInt() ? t.asInt() : null, q.isInt() ? q.asInt() : 0, p.path("study"));
        } catch (IOException e) {
            return NONE;   // an unreadable record is rewritten by the next run
        }
    }

    /** The structure trajectory of a study run at temperature label {@code label}, or null. */
    public Path studyTrajectory(String label) {
        JsonNode f = study.path("trajectories").path(label).path("file");
        return f.isTextual() ? Path.of(f.asText()) : null;
    }
}
