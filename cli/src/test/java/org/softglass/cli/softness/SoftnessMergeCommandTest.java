package org.softglass.cli.softness;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.structure.DescriptorsCommandTest;
import static org.junit.jupiter.api.Assertions.*;
import static org.softglass.cli.softness.SoftnessFixtures.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code softness-merge}: the shards of {@code softness MODEL TRAJ --frames A:B} joined into the single run's folder. */
class SoftnessMergeCommandTest {
    /**
     * {@code softness MODEL TRAJ --frames A:B} shards joined by {@code softness-merge} are the single run's folder byte
     * for byte: softness.npy, rows.npy, softness.json, frames.csv, softness.png and descriptors/. Shards of another
     * model are refused; {@code --frames} on a descriptor directory is refused.
     */
    @Test
    void frameShardsMergeToTheSingleRun(@TempDir Path dir) throws Exception {
        Path traj = DescriptorsCommandTest.firstFrames(dir, 4);
        Path model = model(dir.resolve("model.json"), 1), other = model(dir.resolve("other.json"), 2);
        Path single = dir.resolve("single"), merged = dir.resolve("merged");
        assertEquals(0, CliRunner.run("softness", model.toString(), traj.toString(), "--out", single.toString(), "--quiet").code());
        for (String[] sh : new String[][] {{"0:1", "s0"}, {"1:3", "s1"}, {"3:10", "s2"}}) {
            CliRunner.Result r = CliRunner.run("softness", model.toString(), traj.toString(), "--frames", sh[0], "--threads", "2", "--quiet",
                    "--out", dir.resolve(sh[1]).toString());
            assertEquals(0, r.code(), r.err());
        }
        CliRunner.Result m = CliRunner.run("softness-merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), dir.resolve("s0").toString(),
                "--out", merged.toString());
        assertEquals(0, m.code(), m.err());
        for (String f : List.of("softness.npy", "rows.npy", "frames.csv", "softness.png", "descriptors/features.npy", "descriptors/rows.npy",
                "descriptors/features.json")) {
            assertArrayEquals(Files.readAllBytes(single.resolve(f)), Files.readAllBytes(merged.resolve(f)), f + " byte for byte");
        }
        assertEquals(Files.readString(single.resolve("softness.json")).replace(single.toString(), "<OUT>"),
                Files.readString(merged.resolve("softness.json")).replace(merged.toString(), "<OUT>"), "softness.json, the --out folder aside");
        assertEquals(4000 * 0.8, JSON.readTree(merged.resolve("softness.manifest.json").toFile()).get("results").get("rows").asDouble(), 0.0);

        assertEquals(0, CliRunner.run("softness", other.toString(), traj.toString(), "--frames", "1:3", "--quiet", "--out", dir.resolve("o1").toString()).code());
        CliRunner.Result mixed = CliRunner.run("softness-merge", dir.resolve("s0").toString(), dir.resolve("o1").toString(), dir.resolve("s2").toString(),
                "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.INPUT, mixed.code(), mixed.err());
        assertTrue(mixed.err().contains("o1: applied another model than"), mixed.err());
        CliRunner.Result gap = CliRunner.run("softness-merge", dir.resolve("s0").toString(), dir.resolve("s2").toString(), "--out", dir.resolve("x").toString());
        assertEquals(ExitCodes.INPUT, gap.code(), gap.err());
        assertTrue(gap.err().contains("s2: starts at frame 3, expected 1 (frames 1..2 are in no shard)"), gap.err());
        CliRunner.Result dirFrames = CliRunner.run("softness", model.toString(), single.resolve("descriptors").toString(), "--frames", "0:1",
                "--out", dir.resolve("y").toString());
        assertEquals(ExitCodes.USAGE, dirFrames.code(), dirFrames.err());
        assertTrue(dirFrames.err().contains("--frames needs a trajectory"), dirFrames.err());
    }
}
