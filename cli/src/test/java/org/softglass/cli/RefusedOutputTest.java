package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command refused for its options or inputs creates no --out directory. */
class RefusedOutputTest {

    private static void refusedWithoutOut(int code, Path out, String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(code, r.code(), r.err());
        assertFalse(Files.exists(out), String.join(" ", args) + " created " + out);
    }

    @Test
    void barriers(@TempDir Path tmp) {
        Path out = tmp.resolve("b");
        refusedWithoutOut(ExitCodes.USAGE, out, "barriers", "--set", "T=zero:a:b", "--out", out.toString(), "--quiet");
        refusedWithoutOut(ExitCodes.INPUT, out, "barriers", "--set", "T=0.5:" + tmp.resolve("none") + ":" + tmp.resolve("none"),
                "--out", out.toString(), "--quiet");
    }

    @Test
    void correlations(@TempDir Path tmp) {
        Path out = tmp.resolve("c");
        refusedWithoutOut(ExitCodes.INPUT, out, "correlations", tmp.resolve("none.dump").toString(), tmp.resolve("none").toString(),
                "--out", out.toString(), "--quiet");
    }

    @Test
    void fluidity(@TempDir Path tmp) {
        Path out = tmp.resolve("f");
        refusedWithoutOut(ExitCodes.INPUT, out, "fluidity", tmp.resolve("none.json").toString(), "--test", tmp.resolve("none").toString(),
                "--sigma", "1", "--out", out.toString());
    }
}
