package org.softglass.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;

/**
 * Issue 20, item 6: commands that follow particles across frames refuse a trajectory whose particles
 * change, and companion inputs (p_hop, descriptors, softness, events) are refused when they were not
 * computed from the trajectory (or from the same trajectory as the other product) they are used with.
 */
class CompanionInputsTest {
    @TempDir Path dir;

    /**
     * A small dump: {@code frames} frames 200 steps apart, 8 particles on a 2×2×2 lattice in a box of 4
     * (unwrapped xu yu zu columns), each moving by a deterministic small step per frame. {@code idOf}
     * maps (frame · 100 + slot) to the id written, so a test can change ids between frames; type = 1 for
     * ids ≤ 6, else 2, unless {@code typeFlip} is a frame where id 3 becomes type 2.
     */
    static String dump(int frames, double amplitude, IntUnaryOperator idOf, int typeFlip) {
        StringBuilder s = new StringBuilder();
        for (int f = 0; f < frames; f++) {
            s.append("ITEM: TIMESTEP\n").append(200L * f).append("\nITEM: NUMBER OF ATOMS\n8\nITEM: BOX BOUNDS pp pp pp\n0 4\n0 4\n0 4\n")
                    .append("ITEM: ATOMS id type xu yu zu\n");
            for (int i = 0; i < 8; i++) {
                int id = idOf.applyAsInt(f * 100 + i);
                int type = id <= 6 ? 1 : 2;
                if (f == typeFlip && id == 3) type = 2;
                double x = 1 + 2 * (i & 1) + amplitude * Math.sin(1.3 * f + i), y = 1 + 2 * ((i >> 1) & 1) + amplitude * Math.cos(0.7 * f * i),
                        z = 1 + 2 * ((i >> 2) & 1) + amplitude * Math.sin(0.4 * f * (i + 1));
                s.append(id).append(' ').append(type).append(String.format(Locale.ROOT, " %.6f %.6f %.6f%n", x, y, z));
            }
        }
        return s.toString();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private CliRunner.Result fs(Path traj, String out) {
        return CliRunner.run("fs", traj.toString(), "--out", dir.resolve(out).toString(), "--temperature", "0.8", "--q", "6.0",
                "--type", "0", "--quiet");
    }

    /** fs used to compute an MSD over whatever particle sat in slot k of each frame; now it refuses as phop does. */
    @Test
    void fsRefusesATrajectoryWhoseParticlesChange() throws IOException {
        CliRunner.Result ok = fs(write("ok.dump", dump(6, 0.05, k -> k % 100 + 1, -1)), "ok");
        assertEquals(0, ok.code(), ok.err());
        // frame 3: id 8 replaced by id 9 (same N)
        CliRunner.Result ids = fs(write("ids.dump", dump(6, 0.05, k -> k == 307 ? 9 : k % 100 + 1, -1)), "ids");
        assertEquals(ExitCodes.INPUT, ids.code(), ids.err());
        assertEquals("softglass: ids.dump: frame 3 (timestep 600): missing particles: id 8 of frame 0 is absent, and id 9 was not in frame 0"
                + " (8 particles), expected the 8 particles of frame 0\n", ids.err());
        assertFalse(Files.exists(dir.resolve("ids").resolve("fs.csv")));
        // frame 2: id 3 changes species
        CliRunner.Result type = fs(write("type.dump", dump(6, 0.05, k -> k % 100 + 1, 2)), "type");
        assertEquals(ExitCodes.INPUT, type.code(), type.err());
        assertTrue(type.err().contains("type.dump: frame 2 (timestep 400): type of id 3 is 2, expected 1 as in frame 0"), type.err());
        // wrapped positions without image flags: the MSD would be wrong across the boundary
        CliRunner.Result wrapped = fs(write("wrapped.dump", dump(6, 0.05, k -> k % 100 + 1, -1).replace("xu yu zu", "x y z")), "wrapped");
        assertEquals(ExitCodes.INPUT, wrapped.code(), wrapped.err());
        assertTrue(wrapped.err().contains("wrapped positions without image flags"), wrapped.err());
    }

    /**
     * p_hop of another trajectory with the same frame times and ids (here: the same lattice, other
     * vibrations) used to be accepted by trainset; now the SHA-256 recorded in phop.json is compared.
     */
    @Test
    void trainsetRefusesPhopOfAnotherTrajectory() throws IOException {
        Path a = write("a.dump", dump(12, 0.05, k -> k % 100 + 1, -1)), b = write("b.dump", dump(12, 0.08, k -> k % 100 + 1, -1));
        CliRunner.Result p = CliRunner.run("phop", a.toString(), "--tr", "2", "--out", dir.resolve("pa").toString(), "--quiet");
        assertEquals(0, p.code(), p.err());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("pa/phop.json").toFile());
        assertEquals(org.softglass.core.io.Manifest.sha256(a), j.get("trajectory").get("sha256").asText());
        String[] args = {"trainset", b.toString(), "--phop", dir.resolve("pa").toString(), "--tau-c", "2", "--features", "coordination",
            "--out", dir.resolve("t").toString(), "--quiet"};
        CliRunner.Result t = CliRunner.run(args);
        assertEquals(ExitCodes.INPUT, t.code(), t.err());
        assertTrue(t.err().startsWith("softglass: " + dir.resolve("pa/phop.json") + ": p_hop was computed from " + a + " (sha256 "
                + j.get("trajectory").get("sha256").asText().substring(0, 12) + "…), not from " + b + " (sha256 "), t.err());
        assertFalse(Files.exists(dir.resolve("t/samples.csv")));
        // a phop.json written before the record existed: refused, saying to recompute it
        Files.writeString(dir.resolve("pa/phop.json"), Files.readString(dir.resolve("pa/phop.json")).replaceAll("(?s),\\s*\"trajectory\"\\s*:\\s*\\{[^}]*}", ""));
        args[1] = a.toString();
        CliRunner.Result old = CliRunner.run(args);
        assertEquals(ExitCodes.INPUT, old.code(), old.err());
        assertTrue(old.err().contains("pa/phop.json: no \"trajectory\" record") && old.err().endsWith("recompute it with 'softglass phop'\n"), old.err());
    }

    /** correlations follows particle ids across frames (ΔS around events): a trajectory whose ids change is refused. */
    @Test
    void correlationsRefusesChangingIds() throws IOException {
        Path traj = write("ids.dump", dump(4, 0.05, k -> k == 207 ? 9 : k % 100 + 1, -1));
        Path sd = Files.createDirectories(dir.resolve("soft"));
        double[] s = new double[4 * 8];
        for (int i = 0; i < s.length; i++) s[i] = Math.sin(i);
        NpyWriter.write(sd.resolve("softness.npy"), NpyDType.FLOAT64, s);
        try (NpyWriter rows = NpyWriter.open(sd.resolve("rows.npy"), NpyDType.INT64, 32, 3)) {
            for (int f = 0; f < 4; f++) for (int i = 0; i < 8; i++) rows.writeRow(new long[] {f, 200L * f, f == 2 && i == 7 ? 9 : i + 1});
        }
        Files.writeString(sd.resolve("softness.json"), "{\"trajectory\":"
                + new ObjectMapper().writeValueAsString(org.softglass.core.io.TrajectoryRef.of(traj).asMap()) + "}");
        CliRunner.Result r = CliRunner.run("correlations", traj.toString(), sd.toString(), "--out", dir.resolve("c").toString(), "--rmax", "1.9", "--quiet");
        assertEquals(ExitCodes.INPUT, r.code(), r.err());
        assertTrue(r.err().startsWith("softglass: ids.dump: frame 2 (timestep 400): missing particles: id 8 of frame 0 is absent"), r.err());
    }

    /**
     * fs --is-energy: the IS energies are a companion of the trajectory (N and t0 come from it). The
     * is_energy.csv of simulate --inherent (column "step") is read; one whose timesteps are not frames of
     * the trajectory, or holding a non-finite energy, is refused by line.
     */
    @Test
    void fsChecksTheInherentStructureEnergiesAgainstTheTrajectory() throws IOException {
        Path traj = write("t.dump", dump(6, 0.05, k -> k % 100 + 1, -1));
        Path sim = write("sim_is_energy.csv", "step,time,u_is_per_atom,fnorm,iterations,converged\n0,0,-7.5,0,10,1\n200,1,-7.5,0,10,1\n400,2,-7.6,0,10,1\n");
        CliRunner.Result ok = CliRunner.run("fs", traj.toString(), "--out", dir.resolve("ok").toString(), "--temperature", "0.8", "--q", "6.0",
                "--type", "0", "--quiet", "--is-energy", sim.toString());
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1, new ObjectMapper().readTree(dir.resolve("ok/fs.json").toFile()).get("is_transitions").asInt());
        Path other = write("other_is_energy.csv", "frame,timestep,u_is_per_atom\n0,0,-7.5\n1,100,-7.5\n2,200,-7.6\n");
        CliRunner.Result bad = CliRunner.run("fs", traj.toString(), "--out", dir.resolve("bad").toString(), "--temperature", "0.8", "--q", "6.0",
                "--type", "0", "--quiet", "--is-energy", other.toString());
        assertEquals(ExitCodes.INPUT, bad.code(), bad.err());
        assertEquals("softglass: " + other + ":3: timestep 100 is not a frame of " + traj + " (timesteps 0..1000), expected the inherent structures"
                + " of this trajectory's frames\n", bad.err());
        assertFalse(Files.exists(dir.resolve("bad").resolve("fs.json")));
        Path nan = write("nan_is_energy.csv", "frame,timestep,u_is_per_atom\n0,0,-7.5\n1,200,NaN\n");
        CliRunner.Result n = CliRunner.run("fs", traj.toString(), "--out", dir.resolve("nan").toString(), "--temperature", "0.8", "--q", "6.0",
                "--type", "0", "--quiet", "--is-energy", nan.toString());
        assertEquals(ExitCodes.INPUT, n.code(), n.err());
        assertTrue(n.err().contains(nan + ":3: u_is_per_atom is NaN, expected a finite energy"), n.err());
    }
}
