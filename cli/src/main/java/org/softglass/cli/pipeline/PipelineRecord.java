package org.softglass.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;

/**
 * The one reader of a run directory's {@code pipeline.json} (the manifest {@link Pipeline} writes: its parameters, the
 * study block of a {@code softglass study} run): the thread count and quench shards a run was made with, and a study's
 * trajectory per temperature label. An absent or unreadable record reads as {@link #NONE} (its callers then decide from
 * the stage fingerprints, or fall back to the preset layout).
 *
 * @param threads      the run's {@code --threads}, or null when not recorded
 * @param quenchShards the run's {@code --quench-shards} (0 when not recorded)
 * @param study        the {@code parameters.study} block, or null (not a study run)
 */
public record PipelineRecord(Integer threads, int quenchShards, Study study) {
    /** No record. */
    static final PipelineRecord NONE = new PipelineRecord(null, 0, null);

    /** The file as bound: its {@code parameters} (the other manifest fields are not read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(@JsonProperty("parameters") Parameters parameters) {}

    /** The parameters read: {@code threads}, {@code quench_shards} (absent when 0) and {@code study} (absent for a preset). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Parameters(@JsonProperty("threads") Integer threads, @JsonProperty("quench_shards") Integer quenchShards,
                              @JsonProperty("study") Study study) {}

    /**
     * The study block ({@link StudyInputs#asMap}) as read.
     *
     * @param trajectories temperature label ({@code T0.450}) → its files; empty when missing
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Study(@JsonProperty("trajectories") Map<String, Trajectory> trajectories) {
        public Study {
            trajectories = trajectories == null ? Map.of() : trajectories;
        }
    }

    /** @param file the structure trajectory at one temperature (as given), or null when missing */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Trajectory(@JsonProperty("file") String file) {}

    /** The record of run directory {@code run}, or {@link #NONE}. */
    public static PipelineRecord of(Path run) {
        Path pj = run.resolve("pipeline.json");
        if (!Files.isRegularFile(pj)) return NONE;
        try {
            Parameters p = JsonFile.read(pj, File.class).parameters();
            if (p == null) return new PipelineRecord(null, 0, null);
            return new PipelineRecord(p.threads(), p.quenchShards() == null ? 0 : p.quenchShards(), p.study());
        } catch (IOException | InputFormatException e) {
            return NONE;   // an unreadable record is rewritten by the next run
        }
    }

    /** The structure trajectory of a study run at temperature label {@code label}, or null. */
    public Path studyTrajectory(String label) {
        Trajectory t = study == null ? null : study.trajectories().get(label);
        return t == null || t.file() == null ? null : Path.of(t.file());
    }
}
