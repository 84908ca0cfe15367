package org.softglass.cli.softness;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.*;
import static org.softglass.cli.softness.SoftnessFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.params.ModelParameters;

/**
 * {@code correlations} end to end on a synthetic LAMMPS dump, softness directory and events.csv, and its refusal of an
 * unknown rearranger species by its option (the roles: study CorrelationRolesTest).
 */
class CorrelationsCommandTest {

    @Test
    void unknownSpeciesIsRefusedByName() {
        var r = CliRunner.run("correlations", "none.dump", "none", "--out", "x", "--rearrangers", "C", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("--rearrangers must be A, B or all, got 'C'"), r.err());
    }

    @Test
    void correlationsOnASyntheticTrajectory(@TempDir Path root) throws Exception {
        Random rnd = new Random(5);
        int n = 512, events = 6, frames = 6 * (events - 1) + 11;
        double l = 8.0;
        double[][] pos = new double[n][3];
        for (int i = 0; i < n; i++) { pos[i][0] = (i % 8) + 0.5 + 0.1 * rnd.nextGaussian(); pos[i][1] = (i / 8 % 8) + 0.5 + 0.1 * rnd.nextGaussian(); pos[i][2] = i / 64 + 0.5 + 0.1 * rnd.nextGaussian(); }
        StringBuilder dump = new StringBuilder();
        for (int f = 0; f < frames; f++) {
            dump.append("ITEM: TIMESTEP\n").append(f * 200).append("\nITEM: NUMBER OF ATOMS\n").append(n).append("\nITEM: BOX BOUNDS pp pp pp\n0 8\n0 8\n0 8\nITEM: ATOMS id type x y z\n");
            for (int i = 0; i < n; i++) dump.append(i + 1).append(" 1 ").append(String.format(Locale.ROOT, "%.6f %.6f %.6f", pos[i][0], pos[i][1], pos[i][2])).append('\n');
        }
        Path traj = root.resolve("traj.dump");
        Files.writeString(traj, dump);
        org.softglass.core.space.Box box = org.softglass.core.space.Box.cubic(l);
        // event k peaks at frame 6k + 5, 6 frames apart, so that no other event peaks inside its window of 5 frames (5τ):
        // frame f = 6k holds an independent smooth field S_i = Σ_j e^{-r_ij} ζ_j (exponentially decaying covariance),
        // frame f + 10 = frame f + kicks around 4 A particles rearranging at frame f + 5; one B rearrangement there sets no r~
        double[] s = new double[n * frames];
        StringBuilder ev = new StringBuilder("id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star\n");
        for (int f = 0; f < 6 * events; f += 6) {
            double[] zeta = new double[n];
            for (int j = 0; j < n; j++) zeta[j] = rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                double v = 0;
                for (int j = 0; j < n; j++) {
                    double d = Math.sqrt(box.distanceSquared(pos[i][0], pos[i][1], pos[i][2], pos[j][0], pos[j][1], pos[j][2]));
                    if (d < 3.5) v += Math.exp(-d) * zeta[j];
                }
                s[f * n + i] = v;
            }
            // the kick noise: half a smooth field like S (correlation decaying over ~1), half white, unit variance
            double[] kick = new double[n];
            for (int j = 0; j < n; j++) zeta[j] = rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                double v = 0, norm = 0;
                for (int j = 0; j < n; j++) {
                    double d = Math.sqrt(box.distanceSquared(pos[i][0], pos[i][1], pos[i][2], pos[j][0], pos[j][1], pos[j][2]));
                    if (d < 3.5) { v += Math.exp(-d) * zeta[j]; norm += Math.exp(-2 * d); }
                }
                kick[i] = Math.sqrt(0.5 / norm) * v + Math.sqrt(0.5) * rnd.nextGaussian();
            }
            int[] rear = new int[4];
            for (int q = 0; q < 4; q++) {
                rear[q] = rnd.nextInt(n);
                ev.append(rear[q] + 1).append(",1,").append(f + 4).append(',').append(f + 6).append(',').append(f + 5).append(",0,0,0.7\n");
            }
            for (int i = 0; i < n; i++) {
                double d = Double.POSITIVE_INFINITY;
                for (int q : rear) d = Math.min(d, Math.sqrt(box.distanceSquared(pos[i][0], pos[i][1], pos[i][2], pos[q][0], pos[q][1], pos[q][2])));
                s[(f + 10) * n + i] = s[f * n + i] + 0.8 * Math.exp(-d / 1.5) * kick[i] + 0.05 * rnd.nextGaussian();
            }
            ev.append(rnd.nextInt(n) + 1).append(",2,").append(f + 4).append(',').append(f + 6).append(',').append(f + 5).append(",0,0,0.7\n");
        }
        // the frames in between (never a window's end): copies of the preceding field frame
        for (int f = 0; f < frames; f++) {
            boolean field = f % 6 == 0 && f < 6 * events, after = f >= 10 && (f - 10) % 6 == 0;
            if (!field && !after) System.arraycopy(s, Math.min(f / 6, events - 1) * 6 * n, s, f * n, n);
        }
        ev.append("7,1,2,3,3,2.0,3.0,0.1\n");   // below p_c: ignored
        Path sd = Files.createDirectories(root.resolve("soft"));
        NpyWriter.write(sd.resolve("softness.npy"), NpyDType.FLOAT64, s);
        try (NpyWriter rows = NpyWriter.open(sd.resolve("rows.npy"), NpyDType.INT64, (long) n * frames, 3)) {
            for (int f = 0; f < frames; f++) for (int i = 0; i < n; i++) rows.writeRow(new long[] {f, f * 200L, i + 1});
        }
        Path evFile = root.resolve("events.csv");
        Files.writeString(evFile, ev);
        // the records 'softness' and 'events' write: both computed from traj.dump
        String record = "{\"trajectory\":" + JSON.writeValueAsString(org.softglass.core.io.TrajectoryRef.of(traj).asMap()) + "}";
        Files.writeString(sd.resolve("softness.json"), record);
        Files.writeString(root.resolve("events.csv.manifest.json"), record);
        ModelParameters base = new ModelParameters(TRUTH, new ModelParameters.Gaussian(0, 1), 4.0);
        Path pin = root.resolve("params.json");
        base.write(pin);
        Path out = root.resolve("corr");
        var r = CliRunner.run("correlations", traj.toString(), sd.toString(), "--events", evFile.toString(), "--out", out.toString(), "--rmax", "3.95",
                "--fit-range", "0.9:3.5", "--r-bins", "0.5:4.5:4", "--r-background", "3.5", "--s-bins", "-6:6:4", "--min-count", "3", "--params", pin.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        for (String f : new String[] {"cs.csv", "cs.png", "kicks.csv", "kicks_mean.csv", "kicks.png", "correlations.json", "model-parameters.json", "correlations.manifest.json"}) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        // the manifest records the --p-c option, not the plotted C_S(r) array (a local variable once shadowed it)
        var pcParam = JSON.readTree(out.resolve("correlations.manifest.json").toFile()).get("parameters").get("p_c");
        assertTrue(pcParam.isNumber(), "p_c = " + pcParam);
        ModelParameters mp = ModelParameters.read(out.resolve("model-parameters.json"));
        assertEquals(TRUTH, mp.barriers());                      // carried through unchanged
        assertNotNull(mp.cS());
        assertNotNull(mp.sigmaDelta());
        assertNotNull(mp.rhoDelta());
        assertTrue(mp.cS().xi() > 0.3 && mp.cS().xi() < 3, "xi = " + mp.cS().xi());   // smoothing kernel e^{-r}: decay length of order 1
        JsonNode j = JSON.readTree(out.resolve("correlations.json").toFile());
        assertEquals(events, j.get("kicks").get("events_frames").asInt());
        assertEquals("A", j.get("kicks").get("rearrangers").asText());   // the p* = 0.1 event (peak 3, no frame -2) is below p_c anyway
        // issue 20: another trajectory with the same frames, timesteps and ids (one coordinate differs) used to be
        // accepted with this softness; now refused by name
        Path other = root.resolve("other.dump");
        String text = dump.toString();
        int at = text.indexOf("ITEM: ATOMS id type x y z\n") + "ITEM: ATOMS id type x y z\n1 1 ".length();
        Files.writeString(other, text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0') + text.substring(at + 1));
        var mixed = CliRunner.run("correlations", other.toString(), sd.toString(), "--out", root.resolve("cmix").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, mixed.code(), mixed.err());
        assertTrue(mixed.err().startsWith("softglass: " + sd.resolve("softness.json") + ": softness was computed from " + traj + " (sha256 "), mixed.err());
        assertTrue(mixed.err().contains("not from " + other + " (sha256 "), mixed.err());
        assertFalse(Files.exists(root.resolve("cmix").resolve("cs.csv")));
        // events of another trajectory
        Files.writeString(root.resolve("events.csv.manifest.json"), "{\"trajectory\":" + JSON.writeValueAsString(org.softglass.core.io.TrajectoryRef.of(other).asMap()) + "}");
        var ev2 = CliRunner.run("correlations", traj.toString(), sd.toString(), "--events", evFile.toString(), "--out", root.resolve("cev").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, ev2.code(), ev2.err());
        assertTrue(ev2.err().startsWith("softglass: " + root.resolve("events.csv.manifest.json") + ": the events were computed from " + other + " (sha256 "), ev2.err());
        // events recorded for this trajectory but peaking past its last frame: refused by name (they used to be skipped without a word)
        Path late = root.resolve("late.csv");
        Files.writeString(late, "id,type,frame_start,frame_end,frame_peak,t_start,t_end,p_star\n3,1,96,98,97,0,0,0.7\n");
        Files.writeString(root.resolve("late.csv.manifest.json"), record);
        var ev3 = CliRunner.run("correlations", traj.toString(), sd.toString(), "--events", late.toString(), "--out", root.resolve("clate").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, ev3.code(), ev3.err());
        assertEquals("softglass: " + late + ": an event peaks at frame 97, but " + traj + " has frames 0.." + (frames - 1) + " (expected the events of this trajectory)\n", ev3.err());
    }
}
