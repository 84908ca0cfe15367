package org.softglass.cli.pipeline;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code softglass pipeline}: every option is checked before anything is created or recomputed. */
class PipelineOptionsTest {

    /** A bad --from is refused before the output directory exists. */
    @Test
    void badFromCreatesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--from", "foo", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--from must be one of simulate, phop"), r.err());
        assertFalse(Files.exists(out), "nothing created for a refused command");
    }

    /** --threads 0 is refused before the output directory exists. */
    @Test
    void badThreadsCreatesNothing(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "0", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertFalse(Files.exists(out));
    }

    /**
     * A directory made with another --threads is neither mixed nor silently wiped: the command is
     * refused (naming both counts and --from simulate), and nothing in the directory changes.
     */
    @Test
    void anotherThreadCountIsRefused(@TempDir Path tmp) throws Exception {
        Path out = Files.createDirectories(tmp.resolve("run"));
        Files.writeString(out.resolve("pipeline.json"), "{\"parameters\": {\"preset\": \"smoke\", \"seed\": 1, \"threads\": 2}}");
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "1", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains(out + " holds a pipeline run with --threads 2; this command has --threads 1"), r.err());
        assertTrue(r.err().contains("--from simulate"), r.err());
        try (var l = Files.list(out)) {
            assertEquals(List.of(out.resolve("pipeline.json")), l.toList());
        }
    }
}
