package org.softglass.cli.options;

import java.nio.file.Path;
import java.util.List;
import org.softglass.cli.Version;
import org.softglass.study.StudyContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * What the {@code *-merge} commands take (quench-merge; descriptors-merge and softness-merge can take it too): the output
 * folders of the shards of one {@code --frames A:B} run ({@link FrameBlock}), in any order, and {@code --out}, the
 * folder the joined files go to; the join runs on one thread (it only reads and concatenates).
 */
public final class ShardMergeInputs {
    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Output folders of the shards (runs with --frames A:B), in any order.")
    private List<Path> shards;

    @Mixin
    private OutputDir output = new OutputDir();

    /** The shard folders as given. */
    public List<Path> shards() { return shards; }

    /** The output folder (not yet created). */
    public Path out() { return output.dir(); }

    /** One thread, this softglass's version, no progress bars. */
    public StudyContext context() { return StudyContext.of(1, Version.get()); }
}
