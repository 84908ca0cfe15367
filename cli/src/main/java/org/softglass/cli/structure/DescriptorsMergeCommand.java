package org.softglass.cli.structure;

import org.softglass.cli.ShardMergeCommand;
import org.softglass.study.shards.ShardMerge;
import picocli.CommandLine.Command;

/**
 * {@code softglass descriptors-merge DIR... --out DIR}: joins the shards of one {@code descriptors TRAJ --frames A:B}
 * run (e.g. a cluster's job array) into the descriptor directory one run over all frames writes: features.npy,
 * rows.npy and features.json byte for byte ({@link FeatureMerge}); the shards must cover frames 0, 1, … of one
 * trajectory without gap or overlap, with the same settings ({@link FrameShards}).
 */
@Command(name = "descriptors-merge", mixinStandardHelpOptions = true,
        description = {"Join the shards of 'softglass descriptors TRAJ --frames A:B' into the files one run over all frames writes.",
                "The shards must read the same TRAJ with the same settings and cover frames 0, 1, ... without gap or overlap.",
                "Writes DIR/features.npy, DIR/rows.npy, DIR/features.json (byte for byte a single run's) and DIR/descriptors.manifest.json."})
public final class DescriptorsMergeCommand extends ShardMergeCommand<Long> {
    public DescriptorsMergeCommand() { super(ShardMerge::descriptors); }
}
