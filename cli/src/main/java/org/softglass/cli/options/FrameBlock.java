package org.softglass.cli.options;

import org.softglass.cli.FrameSelection;
import org.softglass.study.FrameRange;
import picocli.CommandLine.Option;

/**
 * The {@code --frames A:B} option of the commands whose work splits into frame blocks (quench, descriptors,
 * softness): only frames A..B-1 (0-based) of the trajectory, keeping their indices, so the shards join
 * ({@code quench-merge}, {@code descriptors-merge}, {@code softness-merge}) into the bytes of one run over all
 * frames. One declaration, one parser ({@link FrameSelection#parseRange}).
 */
public final class FrameBlock {
    @Option(names = "--frames", defaultValue = "all", paramLabel = "A:B",
            description = "Only frames A..B-1 (0-based), keeping their indices: a shard, joined by the matching *-merge command "
                    + "into the files one run over all frames writes.")
    private String frames = "all";

    /** The block as the study layer's range (all frames, or [A, B)). */
    public FrameRange range() { return FrameSelection.parseRange(frames); }
}
