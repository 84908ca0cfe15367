package org.softglass.cli.md;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.io.ExtendedXyzReader;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.io.TrajectoryRef;

/**
 * {@code softglass export}: S and p_hop land on the right particle of the right frame in extended XYZ
 * and in LAMMPS dumps, also from a pipeline run's layout; products of another trajectory and bad
 * options are one-line refusals that leave no output.
 */
class ExportCommandTest {

    /** The first 8 frames of the T = 0.8 fixture (N = 1000, 200 steps apart), its p_hop (t_R = 2 τ) and a synthetic softness of the A particles. */
    private static Path setUp(Path dir) throws Exception {
        Path traj = QuenchCommandTest.firstFrames(dir, 8);
        CliRunner.Result p = CliRunner.run("phop", traj.toString(), "--tr", "2", "--quiet", "--out", dir.resolve("phop").toString());
        assertEquals(0, p.code(), p.err());
        writeSoftness(traj, dir.resolve("softness"));
        return traj;
    }

    /** S = id/1000 + frame for ids 1..800 (species A) of frames 0..7: the softness file contract of SoftnessTable. */
    static void writeSoftness(Path traj, Path dir) throws Exception {
        Files.createDirectories(dir);
        int rows = 8 * 800;
        double[] s = new double[rows];
        long[][] r = new long[rows][];
        for (int f = 0, k = 0; f < 8; f++) {
            for (int id = 1; id <= 800; id++, k++) {
                s[k] = id / 1000.0 + f;
                r[k] = new long[] {f, 200L * f, id};
            }
        }
        NpyWriter.write(dir.resolve("softness.npy"), NpyDType.FLOAT64, s);
        try (NpyWriter w = NpyWriter.open(dir.resolve("rows.npy"), NpyDType.INT64, rows, 3)) {
            for (long[] row : r) w.writeRow(row);
        }
        Map<String, Object> side = Map.of("schema", "softglass.softness/1", "rows", rows, "trajectory", TrajectoryRef.of(traj).asMap());
        Files.write(dir.resolve("softness.json"), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(side));
    }

    private static void checkFrame(Frame f, int index, PhopTable ph) {
        assertEquals(200L * index, f.timestep());
        double[] s = f.extra("softness"), p = f.extra("p_hop");
        for (int i = 0; i < f.size(); i++) {
            long id = f.particles().id(i);
            if (id <= 800) assertEquals(id / 1000.0 + index, s[i], 0.0, "S of id " + id);
            else assertTrue(Double.isNaN(s[i]), "B particle " + id + " has S " + s[i]);
            double want = ph.phop()[index][ph.column(id)];
            if (Double.isNaN(want)) assertTrue(Double.isNaN(p[i]));
            else assertEquals(want, p[i], 0.0, "p_hop of id " + id);
        }
    }

    @Test
    void extendedXyzCarriesSAndPhopOfTheChosenFrames(@TempDir Path dir) throws Exception {
        Path traj = setUp(dir), out = dir.resolve("export").resolve("s.xyz");
        CliRunner.Result r = CliRunner.run("export", traj.toString(), "--softness", dir.resolve("softness").toString(), "--phop",
                dir.resolve("phop").toString(), "--frames", "2,5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        PhopTable ph = PhopTable.read(dir.resolve("phop"));
        try (ExtendedXyzReader x = ExtendedXyzReader.open(out)) {
            for (int index : new int[] {2, 5}) {
                try (Frame f = x.next()) {
                    checkFrame(f, index, ph);
                }
            }
            assertNull(x.next());
        }
        assertTrue(Files.readString(Path.of(out + ".manifest.json")).contains("\"frames_written\" : 2"));
    }

    @Test
    void lammpsDumpFromAPipelineRunLayout(@TempDir Path dir) throws Exception {
        Path traj = setUp(dir), run = dir.resolve("run");
        Files.createDirectories(run.resolve("md").resolve("T0.800"));
        Files.copy(traj, run.resolve("md").resolve("T0.800").resolve("is.dump"));
        Files.createDirectories(run.resolve("phop"));
        Files.move(dir.resolve("phop"), run.resolve("phop").resolve("T0.800"));
        Files.createDirectories(run.resolve("softness"));
        Files.move(dir.resolve("softness"), run.resolve("softness").resolve("T0.800"));
        Path out = dir.resolve("s.dump");
        CliRunner.Result r = CliRunner.run("export", "--run", run.toString(), "--temperature", "0.8", "--frames", "0:8", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        PhopTable ph = PhopTable.read(run.resolve("phop").resolve("T0.800"));
        try (LammpsDumpReader d = LammpsDumpReader.open(out)) {
            for (int index = 0; index < 8; index++) {
                try (Frame f = d.next()) {
                    checkFrame(f, index, ph);
                }
            }
            assertNull(d.next());
        }
    }

    /** D²_min of frames 0 → 5 lands on each particle by id, the same in every exported frame; of another trajectory it is refused. */
    @Test
    void d2minColumnIsTheD2minRunsValueByIdInEveryFrame(@TempDir Path dir) throws Exception {
        Path traj = QuenchCommandTest.firstFrames(dir, 8), csv = dir.resolve("d2.csv"), out = dir.resolve("d2.xyz");
        CliRunner.Result d = CliRunner.run("d2min", traj.toString(), "--from", "0", "--to", "5", "--quiet", "--out", csv.toString());
        assertEquals(0, d.code(), d.err());
        Map<Long, Double> want = new java.util.HashMap<>();
        for (String line : Files.readAllLines(csv).subList(1, 1001)) {
            String[] f = line.split(",");
            want.put(Long.parseLong(f[0]), Double.parseDouble(f[2]));
        }
        CliRunner.Result r = CliRunner.run("export", traj.toString(), "--d2min", csv.toString(), "--frames", "3,5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (ExtendedXyzReader x = ExtendedXyzReader.open(out)) {
            for (int k = 0; k < 2; k++) {
                try (Frame f = x.next()) {
                    double[] col = f.extra("d2min");
                    int finite = 0;
                    for (int i = 0; i < f.size(); i++) {
                        assertEquals(want.get(f.particles().id(i)), col[i], 0.0, "id " + f.particles().id(i));
                        if (Double.isFinite(col[i])) finite++;
                    }
                    assertTrue(finite > 900, "D2_min defined for most particles: " + finite);
                }
            }
        }
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Path six = QuenchCommandTest.firstFrames(other, 6), out2 = dir.resolve("x.xyz");
        CliRunner.Result bad = CliRunner.run("export", six.toString(), "--d2min", csv.toString(), "--out", out2.toString());
        assertEquals(ExitCodes.INPUT, bad.code(), bad.err());
        assertTrue(bad.err().contains("D2_min was computed from a trajectory with sha256"), bad.err());
        assertFalse(Files.exists(out2));
    }

    /**
     * The local dipole stiffness of 'softglass stiffness' on the LAMMPS inherent structure lands on each particle by id
     * (NaN for particles in no sampled dipole); a stiffness run on another file is refused.
     */
    @Test
    void kappaColumnIsTheLocalStiffnessById(@TempDir Path dir) throws Exception {
        Path is = CliRunner.fixture("ka_N1000_T0.8_inherent_structure.dump"), out = dir.resolve("k.dump");
        CliRunner.Result s = CliRunner.run("stiffness", is.toString(), "--dipoles", "8", "--seed", "3", "--quiet", "--out", dir.resolve("kap").toString());
        assertEquals(0, s.code(), s.err());
        Map<Long, Double> want = new java.util.HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("kap/local_kappa.csv")).subList(1, Files.readAllLines(dir.resolve("kap/local_kappa.csv")).size())) {
            String[] f = line.split(",");
            want.put(Long.parseLong(f[1]), Double.parseDouble(f[3]));
        }
        assertTrue(want.size() >= 5 && want.size() <= 16, "8 dipoles touch 5..16 particles: " + want.size());
        CliRunner.Result r = CliRunner.run("export", is.toString(), "--kappa", dir.resolve("kap").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (Frame f = LammpsDumpReader.readFirst(out)) {
            double[] col = f.extra("kappa_local");
            int defined = 0;
            for (int i = 0; i < f.size(); i++) {
                Double w = want.get(f.particles().id(i));
                if (w == null) assertTrue(Double.isNaN(col[i]));
                else {
                    assertEquals(w, col[i], 0.0);
                    defined++;
                }
            }
            assertEquals(want.size(), defined);
        }
        Path other = QuenchCommandTest.firstFrames(dir, 1);
        CliRunner.Result bad = CliRunner.run("export", other.toString(), "--kappa", dir.resolve("kap").toString(), "--out", dir.resolve("x.dump").toString());
        assertEquals(ExitCodes.INPUT, bad.code(), bad.err());
        assertTrue(bad.err().contains("the stiffness run's first input is"), bad.err());
    }

    @Test
    void productsOfAnotherTrajectoryAreRefused(@TempDir Path dir) throws Exception {
        setUp(dir);
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Path six = QuenchCommandTest.firstFrames(other, 6), out = dir.resolve("x.xyz");
        CliRunner.Result r = CliRunner.run("export", six.toString(), "--phop", dir.resolve("phop").toString(), "--out", out.toString());
        r.assertOneLineError(ExitCodes.INPUT, "p_hop was computed from");
        assertFalse(Files.exists(out));
    }

    @Test
    void badOptionsAreOneLineAndLeaveNoOutput(@TempDir Path dir) throws Exception {
        Path traj = setUp(dir), out = dir.resolve("x.xyz");
        String phop = dir.resolve("phop").toString();
        for (List<String> args : List.of(
                List.of("export", traj.toString(), "--out", out.toString()),
                List.of("export", traj.toString(), "--phop", phop, "--frames", "3:1", "--out", out.toString()),
                List.of("export", traj.toString(), "--phop", phop, "--frames", "2,20", "--out", out.toString()),
                List.of("export", traj.toString(), "--phop", phop, "--out", dir.resolve("x.txt").toString()),
                List.of("export", "--run", dir.toString(), "--out", out.toString()))) {
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), args + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(out), args.toString());
        }
    }
}
