package org.softglass.cli.md;

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

/** {@code softglass energy} end to end, as a user runs it, against the LAMMPS fixtures. */
class EnergyCommandTest {

    @Test
    void forcesFrameMatchesLammps(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("e.csv"), atoms = dir.resolve("atoms.csv");
        CliRunner.Result r = CliRunner.run("energy", CliRunner.fixture("ka_N1000_T0.8_forces_frame.dump").toString(),
                "--out", summary.toString(), "--per-atom", atoms.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(summary);
        assertEquals("frame,timestep,n,u_per_atom,virial_pressure,temperature,pressure", lines.get(0));
        String[] f = lines.get(1).split(",", -1);
        assertEquals("1000", f[2]);
        assertEquals(-6.34652922802843, Double.parseDouble(f[3]), 1e-12);
        assertEquals(6.69504578316928, Double.parseDouble(f[4]), 1e-11);
        assertEquals("", f[5]);
        assertTrue(Files.exists(Path.of(summary + ".manifest.json")));
        // per-atom rows, by id: compare with the dump's fx and c_peatom columns
        List<String> ref = Files.readAllLines(CliRunner.fixture("ka_N1000_T0.8_forces_frame.dump")).subList(9, 1009);
        List<String> got = Files.readAllLines(atoms);
        assertEquals(1001, got.size());
        for (int k = 0; k < 1000; k++) {
            String[] g = got.get(k + 1).split(","), e = ref.get(k).trim().split("\\s+");
            assertEquals(e[0], g[2]);
            assertEquals(e[1], g[3]);
            for (int c = 0; c < 3; c++) assertEquals(Double.parseDouble(e[5 + c]), Double.parseDouble(g[4 + c]), 1e-9 * Math.max(1, Math.abs(Double.parseDouble(e[5 + c]))));
            assertEquals(Double.parseDouble(e[8]), Double.parseDouble(g[7]), 1e-12 * 10);
        }
    }

    @Test
    void trajectoryMeanEnergyMatchesThermoLog() throws Exception {
        CliRunner.Result r = CliRunner.run("energy", CliRunner.fixture("ka_N1000_T0.8_traj.dump.gz").toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(201, lines.length);
        // thermo.txt: pe per atom at each of the 200 frames (%.8g); the dump's 6-digit coordinates limit agreement to ~1e-4
        List<String> thermo = Files.readAllLines(CliRunner.fixture("ka_N1000_T0.8_thermo.txt")).stream()
                .filter(s -> !s.isBlank() && Character.isDigit(s.strip().charAt(0))).toList();
        assertEquals(200, thermo.size());
        for (int k = 0; k < 200; k++) {
            double ours = Double.parseDouble(lines[k + 1].split(",")[3]);
            double lmp = Double.parseDouble(thermo.get(k).strip().split("\\s+")[2]);
            assertEquals(lmp, ours, 2e-4, "frame " + k);
        }
    }

    @Test
    void badInputGivesOneLineAndExitCode(@TempDir Path dir) throws Exception {
        CliRunner.Result missing = CliRunner.run("energy", dir.resolve("nope.dump").toString());
        missing.assertOneLineError(ExitCodes.INPUT, "no such file");

        Path bad = dir.resolve("bad.dump");
        Files.writeString(bad, "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 10\n0 10\n0 10\nITEM: ATOMS id type x y z\n1 1 0 0 0\n");
        Path out = dir.resolve("out.csv");
        CliRunner.Result trunc = CliRunner.run("energy", bad.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, trunc.code());
        assertTrue(trunc.err().contains("bad.dump:11"), trunc.err());
        assertFalse(Files.exists(out), "no half-written output");
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no temp files left behind");
        }

        CliRunner.Result model = CliRunner.run("energy", bad.toString(), "--model", "lj");
        assertEquals(ExitCodes.USAGE, model.code());
        assertTrue(model.err().contains("unknown model 'lj'"), model.err());

        CliRunner.Result opt = CliRunner.run("energy", "--bogus", bad.toString());
        assertEquals(ExitCodes.USAGE, opt.code());
        assertFalse(opt.err().contains("at org."), "no stack trace: " + opt.err());
    }

    @Test
    void versionAndInfo() {
        CliRunner.Result v = CliRunner.run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("softglass "), v.out());
        CliRunner.Result i = CliRunner.run("info");
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("vector species"), i.out());
        assertTrue(i.out().contains("1 thread(s)"), "OpenBLAS must run single-threaded: " + i.out());
    }
}
