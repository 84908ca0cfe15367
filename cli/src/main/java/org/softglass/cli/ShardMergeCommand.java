package org.softglass.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.softglass.cli.options.ShardFolders;
import picocli.CommandLine.Mixin;

/**
 * A {@code *-merge} command: joins the output folders of one command's {@code --frames A:B} shards into the folder one
 * run over all frames writes ({@link ShardFolders}: the operands and {@code --out}), with the study join it is made
 * with, and exits {@link ExitCodes#OK} unless {@link #exitCode} says otherwise. A subclass carries its own
 * {@code @Command} name and help.
 *
 * @param <R> what the join returns
 */
public abstract class ShardMergeCommand<R> implements Callable<Integer> {
    @Mixin private ShardFolders folders = new ShardFolders();

    private final ShardFolders.Merge<R> merge;

    /** @param merge the join, e.g. {@code ShardMerge::descriptors} */
    protected ShardMergeCommand(ShardFolders.Merge<R> merge) { this.merge = merge; }

    @Override
    public final Integer call() throws IOException { return exitCode(folders.merge(merge)); }

    /** The exit code of a finished join: {@link ExitCodes#OK}. */
    protected int exitCode(R result) { return ExitCodes.OK; }
}
