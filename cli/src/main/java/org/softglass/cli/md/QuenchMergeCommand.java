package org.softglass.cli.md;

import org.softglass.cli.ShardMergeCommand;
import org.softglass.cli.ExitCodes;
import org.softglass.study.shards.ShardMerge;
import picocli.CommandLine.Command;

/**
 * {@code softglass quench-merge DIR... --out DIR}: joins the shards of one quench ({@code quench DUMP --frames A:B},
 * run anywhere, e.g. as a cluster's job array) into the files a single {@code quench DUMP} writes. Every frame's
 * inherent structure is the one-thread quench of that frame whatever the shard or thread count, so
 * {@code is.dump} is the shards' files concatenated in frame order and {@code is_energy.csv} their rows under one
 * header: byte for byte the single run's. The shards must come from the same DUMP (SHA-256) with the same
 * minimiser settings and together cover consecutive frames from 0 without gap or overlap; the manifest's results
 * (frames, unconverged frames, mean U_IS/N, force evaluations) are recomputed from the joined rows in frame order.
 */
@Command(name = "quench-merge", mixinStandardHelpOptions = true,
        description = {"Join the shards of 'softglass quench DUMP --frames A:B' into the files one quench of all frames writes.",
                "The shards must quench the same DUMP with the same settings and cover frames 0, 1, ... without gap or overlap.",
                "Writes DIR/is.dump, DIR/is_energy.csv (byte for byte a single run's) and DIR/manifest.json."})
public final class QuenchMergeCommand extends ShardMergeCommand<ShardMerge.QuenchMerge> {
    public QuenchMergeCommand() { super(ShardMerge::quench); }

    /** {@link ExitCodes#FAILED} when a frame of the joined shards did not converge, as a single quench exits. */
    @Override
    protected int exitCode(ShardMerge.QuenchMerge r) { return r.unconverged() > 0 ? ExitCodes.FAILED : ExitCodes.OK; }
}
