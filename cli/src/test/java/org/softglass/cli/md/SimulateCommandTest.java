package org.softglass.cli.md;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;

/** {@code softglass simulate} as a user runs it: outputs, rerun, and bad input. */
class SimulateCommandTest {

    @Test
    void smallRunWritesThermoDumpAndManifestAndRerunIsANoOp(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        String[] args = {"simulate", "--n", "300", "--temperature", "1.0", "--steps", "400", "--melt-steps", "100", "--equilibrate", "100",
                "--dump-every", "100", "--thermo-every", "50", "--inherent", "--out", out.toString(), "--threads", "2", "--quiet"};
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        List<String> thermo = Files.readAllLines(out.resolve("thermo.csv"));
        assertEquals("step,time,temperature,pe,ke,press,conserved", thermo.get(0));
        assertEquals(1 + 9, thermo.size());
        try (LammpsDumpReader rd = LammpsDumpReader.open(out.resolve("traj.dump"))) {
            int frames = 0;
            for (Frame f : rd) {
                try (f) {
                    assertEquals(300, f.size());
                    assertEquals(100L * frames, f.timestep());
                    frames++;
                }
            }
            assertEquals(5, frames);
        }
        assertEquals(6, Files.readAllLines(out.resolve("is_energy.csv")).size());
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"atom_steps_per_second\""), manifest);
        byte[] before = Files.readAllBytes(out.resolve("thermo.csv"));
        CliRunner.Result again = CliRunner.run(args);
        assertEquals(0, again.code());
        assertTrue(again.err().contains("already holds this completed run"), again.err());
        assertEquals(new String(before), Files.readString(out.resolve("thermo.csv")));
    }

    @Test
    void badParametersGiveOneLine(@TempDir Path dir) {
        CliRunner.Result ens = CliRunner.run("simulate", "--temperature", "1", "--steps", "10", "--ensemble", "npt", "--out", dir.resolve("a").toString());
        assertEquals(ExitCodes.USAGE, ens.code());
        assertTrue(ens.err().contains("--ensemble must be nvt, nve or langevin"), ens.err());
        assertEquals(1, ens.err().strip().lines().count(), ens.err());
        CliRunner.Result small = CliRunner.run("simulate", "--n", "50", "--temperature", "1", "--steps", "10", "--out", dir.resolve("b").toString());
        assertEquals(ExitCodes.USAGE, small.code());
        assertTrue(small.err().contains("box length"), small.err());
        CliRunner.Result dt = CliRunner.run("simulate", "--temperature", "1", "--steps", "10", "--dt", "-1", "--out", dir.resolve("c").toString());
        assertEquals(ExitCodes.USAGE, dt.code());
        assertTrue(dt.err().contains("--dt"), dt.err());
        for (String[] bad : new String[][] {{"--inherent-min", "newton"}, {"--inherent-ftol", "0"}}) {
            CliRunner.Result r = CliRunner.run(small(dir.resolve("d"), "--inherent", bad[0], bad[1]));
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertTrue(r.err().contains(bad[0]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    /** --inherent-min and --inherent-ftol reach the quench and the run's record. */
    @Test
    void inherentQuenchOptionsAreRecorded(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r");
        CliRunner.Result r = CliRunner.run(small(out, "--inherent", "--inherent-min", "lbfgs+fire", "--inherent-ftol", "1e-4"));
        assertEquals(0, r.code(), r.err());
        String run = java.nio.file.Files.readString(out.resolve("run.json"));
        assertTrue(run.contains("\"inherent_min\" : \"lbfgs+fire\"") && run.contains("\"inherent_ftol\" : 1.0E-4"), run);
        List<String> rows = java.nio.file.Files.readAllLines(out.resolve("is_energy.csv"));
        assertEquals(4, rows.size(), "header + frames at production steps 0, 10, 20: " + rows);
        for (String row : rows.subList(1, rows.size())) {
            double fnorm = Double.parseDouble(row.split(",")[3]);
            assertTrue(fnorm <= 1e-4 && fnorm > 1e-10, "|F| of a frame quenched to 1e-4: " + row);
        }
    }

    private static String[] small(Path out, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("simulate", "--n", "300", "--temperature", "1.0", "--steps", "20", "--melt-steps", "10",
                "--equilibrate", "10", "--dump-every", "10", "--thermo-every", "10", "--checkpoint-every", "20", "--quiet", "--out", out.toString()));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    /** A start refused for its parameters leaves no run.json, so the corrected command into the same --out runs. */
    @Test
    void refusedStartDoesNotBlockTheCorrectedCommand(@TempDir Path dir) {
        Path out = dir.resolve("run");
        CliRunner.Result bad = CliRunner.run("simulate", "--n", "50", "--temperature", "1", "--steps", "10", "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
        assertTrue(!Files.exists(out), "a refused start creates nothing");
        CliRunner.Result good = CliRunner.run(small(out, "--threads", "1"));
        assertEquals(0, good.code(), good.err());
    }

    /** Another --threads never continues (or passes for) a run made with a different thread count. */
    @Test
    void anotherThreadCountIsRefusedByName(@TempDir Path dir) {
        Path out = dir.resolve("run");
        assertEquals(0, CliRunner.run(small(out, "--threads", "2")).code());
        CliRunner.Result r = CliRunner.run(small(out, "--threads", "1"));
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains(out + " holds a run with --threads 2; this command has --threads 1"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** A corrupted checkpoint of an interrupted run is refused (exit 3) naming the file, not resumed. */
    @Test
    void corruptedCheckpointIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, CliRunner.run(small(out, "--threads", "1")).code());
        Path runJson = out.resolve("run.json"), ckpt = out.resolve("checkpoint.bin");
        Files.writeString(runJson, Files.readString(runJson).replace("\"complete\" : true", "\"complete\" : false"));
        byte[] b = Files.readAllBytes(ckpt);
        b[b.length / 2] ^= 1;
        Files.write(ckpt, b);
        CliRunner.Result r = CliRunner.run(small(out, "--threads", "1"));
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().contains(ckpt + ": checksum mismatch"), r.err());
    }

    /** A streamed .part replaced by a symbolic link is refused on resume (exit 5); the file behind it is untouched. */
    @Test
    void symlinkedPartIsRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        assertEquals(0, CliRunner.run(small(out, "--threads", "1")).code());
        Path runJson = out.resolve("run.json");
        Files.writeString(runJson, Files.readString(runJson).replace("\"complete\" : true", "\"complete\" : false"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "not softglass's");
        Files.createSymbolicLink(out.resolve("thermo.csv.part"), victim);
        CliRunner.Result r = CliRunner.run(small(out, "--threads", "1"));
        assertEquals(ExitCodes.OUTPUT, r.code(), r.err());
        assertTrue(r.err().contains(out.resolve("thermo.csv.part") + ": is a symbolic link; refusing to write through it"), r.err());
        assertEquals("not softglass's", Files.readString(victim));
    }
}
