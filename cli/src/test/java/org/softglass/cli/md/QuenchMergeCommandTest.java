package org.softglass.cli.md;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;

/** {@code softglass quench-merge}'s exit code: that of a single quench over all frames. */
class QuenchMergeCommandTest {
    /** Two FIRE iterations leave both frames unconverged: the shards, their merge and the single run all exit FAILED. */
    @Test
    void shardsWithUnconvergedFramesMergeToAFailure(@TempDir Path dir) throws Exception {
        Path in = QuenchCommandTest.firstFrames(dir, 2);
        String[] common = {"quench", in.toString(), "--min", "fire", "--max-iter", "2", "--quiet", "--threads", "1"};
        assertEquals(ExitCodes.FAILED, CliRunner.run(with(common, "--out", dir.resolve("all").toString())).code());
        assertEquals(ExitCodes.FAILED, CliRunner.run(with(common, "--out", dir.resolve("s0").toString(), "--frames", "0:1")).code());
        assertEquals(ExitCodes.FAILED, CliRunner.run(with(common, "--out", dir.resolve("s1").toString(), "--frames", "1:2")).code());
        CliRunner.Result m = CliRunner.run("quench-merge", dir.resolve("s0").toString(), dir.resolve("s1").toString(), "--out", dir.resolve("m").toString());
        assertEquals(ExitCodes.FAILED, m.code(), m.err());
    }

    private static String[] with(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
