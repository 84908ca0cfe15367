package org.softglass.cli.pipeline;

import java.nio.file.Path;

/**
 * The checks of a pipeline's options, each refusal one line naming the option ({@link IllegalArgumentException}):
 * {@code --from} against the stage order ({@link Pipeline#STAGES}), {@code --threads} and {@code --quench-shards}
 * against the run a directory already holds ({@link PipelineRecord}), and the shard counts against what the run makes.
 */
final class PipelineChecks {
    private PipelineChecks() {}

    /**
     * Checks the options against {@code out} before anything is created: {@code from} must name a
     * stage, and a directory whose {@code pipeline.json} records another thread count is refused
     * unless {@code from} is {@code simulate} (every item's fingerprint holds the thread count, so
     * going on would silently recompute, and wipe, an interrupted MD run).
     *
     * @throws IllegalArgumentException naming the option and what was expected
     */
    static void checkOptions(Path out, String from, int threads) { checkOptions(out, from, threads, 0); }

    /** As {@link #checkOptions(Path, String, int)}, and the same for {@code --quench-shards} (absent from a record: 0). */
    static void checkOptions(Path out, String from, int threads, int quenchShards) {
        if (from != null) checkStage(from);
        PipelineRecord r = PipelineRecord.of(out);
        if (r == PipelineRecord.NONE) return;   // no record, or an unreadable one (rewritten): the stage fingerprints decide
        String first = Pipeline.STAGES.get(0);
        int recorded = r.quenchShards();
        if (recorded != quenchShards && !first.equals(from)) {
            throw new IllegalArgumentException(out + " holds a pipeline run with --quench-shards " + recorded + "; this command has --quench-shards "
                    + quenchShards + " (rerun with --quench-shards " + recorded + ", or add --from " + first + " to redo the MD and quench that way)");
        }
        if (r.threads() != null && r.threads() != threads && !first.equals(from)) {
            throw new IllegalArgumentException(out + " holds a pipeline run with --threads " + r.threads() + "; this command has --threads " + threads
                    + " (rerun with --threads " + r.threads() + ", or add --from " + first + " to recompute every stage with " + threads + ")");
        }
    }

    /** Refuses a {@code --from} that names no stage. */
    static void checkStage(String from) {
        if (!Pipeline.STAGES.contains(from)) {
            throw new IllegalArgumentException("--from must be one of " + String.join(", ", Pipeline.STAGES) + ", got '" + from + "'");
        }
    }

    /**
     * Refuses a negative {@code --quench-shards}, and one above 0 for a run that quenches nothing: a preset without
     * inherent structures, or a study ({@code study} not null) without a {@code quench} block.
     */
    static void checkQuenchShards(int k, PipelinePreset preset, StudyInputs study) {
        if (k < 0) throw new IllegalArgumentException("--quench-shards must be >= 0, got " + k);
        if (k > 0 && (study != null ? study.quench() == null : !preset.inherent())) {
            throw new IllegalArgumentException("--quench-shards splits the quench of the pipeline's own MD, or of a study's thermal frames (its "
                    + "'quench' block); " + (study != null ? "this study quenches nothing" : "preset " + preset.name() + " makes no inherent structures"));
        }
    }

    /** Refuses a negative {@code --softness-shards}. */
    static void checkSoftnessShards(int k) {
        if (k < 0) throw new IllegalArgumentException("--softness-shards must be >= 0, got " + k);
    }
}
