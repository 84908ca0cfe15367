package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 1: a frame with two particles at the same position. {@code quench} used to hang (CG)
 * or write NaN coordinates (FIRE), {@code energy} printed U/N = Infinity with exit 0. Both now refuse
 * with an input error naming the file, the timestep and the overlapping pair, and write nothing.
 */
class NonFiniteInputTest {

    /** The forces fixture frame with particle 2 moved onto particle 1 (timestep 0). */
    static Path overlapping(Path dir) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(CliRunner.fixture("ka_N1000_T0.8_forces_frame.dump")));
        String[] one = lines.get(9).trim().split("\\s+");
        lines.set(10, "2 1 " + one[2] + " " + one[3] + " " + one[4] + " 0 0 0 0");
        Path p = dir.resolve("overlap.dump");
        Files.write(p, lines);
        return p;
    }

    @Test
    void energyRefusesOverlappingParticles(@TempDir Path dir) throws Exception {
        Path in = overlapping(dir), out = dir.resolve("e.csv");
        CliRunner.Result r = CliRunner.run("energy", in.toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("softglass: overlap.dump: frame 0 (timestep 0): non-finite"), r.err());
        assertTrue(r.err().contains("particles (ids) 1 and 2 overlap (distance 0.0 sigma)"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }

    /** MD from the same frame stops as an unstable run (exit 1) at step 0, naming the pair. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void simulateFromOverlappingParticlesStopsAsUnstable(@TempDir Path dir) throws Exception {
        Path in = overlapping(dir), out = dir.resolve("md");
        CliRunner.Result r = CliRunner.run("simulate", "--initial", in.toString(), "--n", "1000", "--temperature", "0.8",
                "--steps", "20", "--equilibrate", "0", "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(ExitCodes.FAILED, r.code(), r.err());
        assertTrue(r.err().contains("energy is Infinity") && r.err().contains("particles (ids) 1 and 2 overlap"), r.err());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void quenchRefusesOverlappingParticlesWithEveryMinimiser(@TempDir Path dir) throws Exception {
        Path in = overlapping(dir);
        for (String min : new String[] {"cg", "fire", "cg+fire"}) {
            Path out = dir.resolve("is-" + min);
            CliRunner.Result r = CliRunner.run("quench", in.toString(), "--out", out.toString(), "--min", min,
                    "--threads", "2", "--quiet");
            assertEquals(ExitCodes.INPUT, r.code(), min + ": " + r.err());
            assertTrue(r.err().contains("overlap.dump: frame 0 (timestep 0): non-finite energy or forces"), r.err());
            assertTrue(r.err().contains("particles (ids) 1 and 2 overlap"), r.err());
            assertFalse(Files.exists(out), min + ": no partial output");
        }
    }
}
