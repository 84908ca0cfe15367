package org.softglass.cli.options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.softglass.cli.Version;
import org.softglass.study.StudyContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * The operands of the {@code *-merge} commands: the output folders {@code SHARD_DIR...} of one command's
 * {@code --frames A:B} shards ({@link FrameBlock}), in any order, and the folder {@code --out DIR} that receives the
 * files one run over all frames writes. The merge itself ({@link org.softglass.study.shards.ShardMerge}) is
 * single-threaded and prints nothing.
 */
public final class ShardFolders {
    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "Output folders of the shards (the command run with --frames A:B), in any order.")
    private List<Path> shards;

    @Mixin
    private OutputDir output = new OutputDir();

    /** A join of shard folders into one output folder, e.g. {@code ShardMerge::softness}. */
    @FunctionalInterface
    public interface Merge<R> {
        R merge(List<Path> shards, Path out, StudyContext ctx) throws IOException;
    }

    /** Runs {@code merge} on these folders, on one thread, and returns its result. */
    public <R> R merge(Merge<R> merge) throws IOException {
        return merge.merge(shards, output.dir(), StudyContext.of(1, Version.get()));
    }
}
