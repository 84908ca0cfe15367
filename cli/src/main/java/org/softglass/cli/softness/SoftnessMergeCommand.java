package org.softglass.cli.softness;

import org.softglass.cli.ShardMergeCommand;
import org.softglass.core.softness.SoftnessApply;
import org.softglass.study.shards.ShardMerge;
import picocli.CommandLine.Command;

/**
 * {@code softglass softness-merge DIR... --out DIR}: joins the shards of one {@code softness MODEL TRAJ --frames A:B}
 * run into the folder one run over all frames writes: {@code descriptors/} joined as {@code descriptors-merge} joins it,
 * softness.npy, rows.npy, softness.json ({@link SoftnessMerge}), frames.csv and softness.png byte for byte (a row's S
 * depends on its descriptors and the model only). The shards must apply the same model (SHA-256) to frames 0, 1, … of
 * one trajectory without gap or overlap.
 */
@Command(name = "softness-merge", mixinStandardHelpOptions = true,
        description = {"Join the shards of 'softglass softness MODEL TRAJ --frames A:B' into the files one run over all frames writes.",
                "The shards must apply the same model to the same TRAJ and cover frames 0, 1, ... without gap or overlap.",
                "Writes DIR/softness.npy, DIR/rows.npy, DIR/softness.json, DIR/frames.csv, DIR/softness.png, DIR/descriptors/ (byte for byte a single run's)",
                "and DIR/softness.manifest.json."})
public final class SoftnessMergeCommand extends ShardMergeCommand<SoftnessApply.Summary> {
    public SoftnessMergeCommand() { super(ShardMerge::softness); }
}
