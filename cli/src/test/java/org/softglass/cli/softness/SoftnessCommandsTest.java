package org.softglass.cli.softness;

import org.softglass.cli.CliRunner;
import org.softglass.cli.structure.DescriptorsCommandTest;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.io.NpyDType;
import org.softglass.core.io.NpyWriter;
import org.softglass.core.params.ModelParameters;

/**
 * {@code train → softness → barriers → fluidity → correlations} end to end on small synthetic inputs
 * written in the file-contract formats (features.npy/rows.npy/features.json, samples.csv/
 * samples_features.npy, phop.npy/phop.json, events.csv, a LAMMPS dump). Labels follow a planted
 * P(R|s,T) with s = u·g, so the chain must come out with softer = lower barrier (ε1 &lt; 0) and an
 * onset above the temperatures used. The numerical recovery itself is tested in core.
 */
public class SoftnessCommandsTest {
    static final int M = 3, N = 400, F = 20;
    static final double[] U = {0.8, 0.6, 0.0};
    static final ModelParameters.Barriers TRUTH = new ModelParameters.Barriers(2.5, -0.9, 0.05, 1.0, 0.86);
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The "trajectory" record of a synthetic product: the file name and a made-up SHA-256 (64 hex digits
     * derived from the name), so products of one synthetic trajectory match and those of others do not.
     */
    static String trajectoryRecord(String name) {
        String hex = String.format("%064x", new java.math.BigInteger(1, name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).mod(java.math.BigInteger.TWO.pow(256)));
        return "\"trajectory\":{\"file\":\"" + name + "\",\"sha256\":\"" + hex + "\"}";
    }

    static void featuresJson(Path dir, long rows) throws IOException {
        featuresJson(dir, rows, "synthetic.dump", "f8");
    }

    static void featuresJson(Path dir, long rows, String trajectory, String dtype) throws IOException {
        StringBuilder c = new StringBuilder();
        for (int j = 0; j < M; j++) c.append(j > 0 ? "," : "").append("{\"name\":\"G_A(mu=").append(j + 1).append(".0,w=0.1)\",\"kind\":\"radial\",\"species\":\"A\",\"mu\":").append(j + 1).append(",\"w\":0.1}");
        Files.writeString(dir.resolve("features.json"), "{\"schema\":\"softglass.features/1\",\"preset\":null,\"rmax\":5,\"columns\":[" + c
                + "],\"mean\":[0,0,0],\"std\":[1,1,1],\"rows\":" + rows + ",\"dtype\":\"" + dtype + "\",\"center_species\":\"A\",\"input\":\"" + trajectory + "\","
                + trajectoryRecord(trajectory) + "}");
    }

    static Path trainingSet(Path root, Random rnd) throws IOException {
        Path d = Files.createDirectories(root.resolve("train"));
        int n = 600;
        double[][] x = new double[n][M];
        StringBuilder csv = new StringBuilder("frame,timestep,id,type,label,phop\n");
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            for (int j = 0; j < M; j++) x[i][j] = rnd.nextGaussian() + (label == 1 ? 1.2 : -1.2) * U[j];
            csv.append(i % F).append(',').append((i % F) * 200).append(',').append(1 + i % N).append(",1,").append(label).append(',').append(label == 1 ? 0.8 : 0.005).append('\n');
        }
        Files.writeString(d.resolve("samples.csv"), csv);
        NpyWriter.write(d.resolve("samples_features.npy"), NpyDType.FLOAT64, x);
        featuresJson(d, n);
        return d;
    }

    /** Descriptors and p_hop at one temperature; rearranging with the planted P(R|s,T), s = u·g. */
    static Path[] temperature(Path root, double t, Random rnd) throws IOException {
        Path fd = Files.createDirectories(root.resolve("feat" + t)), pd = Files.createDirectories(root.resolve("phop" + t));
        double[][] g = new double[F * N][M];
        double[][] phop = new double[F][N];
        try (NpyWriter rows = NpyWriter.open(fd.resolve("rows.npy"), NpyDType.INT64, (long) F * N, 3)) {
            for (int f = 0; f < F; f++) {
                for (int i = 0; i < N; i++) {
                    double s = 0;
                    for (int j = 0; j < M; j++) { g[f * N + i][j] = 1.5 * rnd.nextGaussian(); s += U[j] * g[f * N + i][j]; }
                    boolean r = rnd.nextDouble() < Math.exp(TRUTH.logProbability(s, t));
                    phop[f][i] = (f == 0 || f == F - 1) ? Double.NaN : r ? 0.5 : 0.01;
                    rows.writeRow(new long[] {f, f * 200L, i + 1});
                }
            }
        }
        NpyWriter.write(fd.resolve("features.npy"), NpyDType.FLOAT32, g);
        featuresJson(fd, (long) F * N, "synthetic-T" + t + ".dump", "f4");
        NpyWriter.write(pd.resolve("phop.npy"), NpyDType.FLOAT64, phop);
        StringBuilder times = new StringBuilder(), steps = new StringBuilder(), ids = new StringBuilder(), types = new StringBuilder();
        for (int f = 0; f < F; f++) { times.append(f > 0 ? "," : "").append(f * 1.0); steps.append(f > 0 ? "," : "").append(f * 200); }
        for (int i = 0; i < N; i++) { ids.append(i > 0 ? "," : "").append(i + 1); types.append(i > 0 ? "," : "").append(1); }
        Files.writeString(pd.resolve("phop.json"), "{\"schema\":\"softglass.phop/1\",\"tR\":10,\"dt\":0.005,\"times\":[" + times + "],\"timesteps\":["
                + steps + "],\"ids\":[" + ids + "],\"types\":[" + types + "],\"half_window_frames\":5," + trajectoryRecord("synthetic-T" + t + ".dump") + "}");
        return new Path[] {fd, pd};
    }

    @Test
    void trainSoftnessBarriersFluidity(@TempDir Path root) throws Exception {
        Random rnd = new Random(99);
        Path train = trainingSet(root, rnd), model = root.resolve("model.json");
        var r = CliRunner.run("train", train.toString(), "--out", model.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(root.resolve("model.png")) && Files.exists(root.resolve("model.weights.csv")) && Files.exists(Path.of(model + ".manifest.json")));
        // same seed → identical model file
        Path again = root.resolve("again.json");
        assertEquals(0, CliRunner.run("train", train.toString(), "--out", again.toString(), "--quiet").code());
        assertEquals(Files.readString(model), Files.readString(again));
        JsonNode m = JSON.readTree(model.toFile());
        assertTrue(m.get("training").get("cv_accuracy").asDouble() > 0.85);   // classes 2.4σ apart: Bayes accuracy Φ(1.2) = 0.885
        double[] ts = {0.5, 0.6, 0.7};
        StringBuilder sets = new StringBuilder();
        String[] setArgs = new String[6], fluidArgs = new String[6];
        for (int i = 0; i < 3; i++) {
            Path[] tp = temperature(root, ts[i], rnd);
            Path sd = root.resolve("soft" + ts[i]);
            var s = CliRunner.run("softness", model.toString(), tp[0].toString(), "--out", sd.toString(), "--quiet");
            assertEquals(0, s.code(), s.err());
            assertTrue(Files.exists(sd.resolve("softness.npy")) && Files.exists(sd.resolve("rows.npy")) && Files.exists(sd.resolve("softness.png")));
            setArgs[2 * i] = "--set"; setArgs[2 * i + 1] = "T=" + ts[i] + ":" + sd + ":" + tp[1];
            fluidArgs[2 * i] = "--set"; fluidArgs[2 * i + 1] = "T=" + ts[i] + ":" + tp[0] + ":" + tp[1];
        }
        Path bd = root.resolve("barriers");
        String[] args = concat(new String[] {"barriers", "--out", bd.toString(), "--bins", "-3:3:12", "--quiet"}, setArgs);
        var b = CliRunner.run(args);
        assertEquals(0, b.code(), b.err());
        for (String f : new String[] {"prs.csv", "arrhenius.csv", "barriers.json", "prs.png", "barriers.png", "model-parameters.json", "barriers.manifest.json"}) {
            assertTrue(Files.exists(bd.resolve(f)), f);
        }
        // same seed → identical barrier summary (key order included)
        var b2 = CliRunner.run(concat(new String[] {"barriers", "--out", root.resolve("barriers2").toString(), "--bins", "-3:3:12", "--quiet"}, setArgs));
        assertEquals(0, b2.code(), b2.err());
        assertEquals(Files.readString(bd.resolve("barriers.json")), Files.readString(root.resolve("barriers2").resolve("barriers.json")));
        // P(R|S) errors from the particle-block bootstrap; every fit says whether its errors were scaled by sqrt(chi2/dof)
        JsonNode bj0 = JSON.readTree(bd.resolve("barriers.json").toFile());
        assertEquals("particle", bj0.get("bootstrap").get("blocks").asText());
        for (JsonNode mo : bj0.get("moments")) assertEquals(N, mo.get("bootstrap_blocks").asInt());
        JsonNode on = bj0.get("onset_fit");
        double scale = on.get("error_scale").asDouble();
        assertEquals(Math.max(1, Math.sqrt(on.get("chi2").asDouble() / on.get("dof").asDouble())), scale, 1e-12);
        assertEquals(scale > 1, on.get("errors_scaled_by_chi2").asBoolean());
        assertEquals(scale * on.get("errors_unscaled").get("t0").asDouble(), on.get("errors").get("t0").asDouble(), 1e-12);
        assertTrue(bj0.get("mean_fit").has("errors_scaled_by_chi2") && bj0.get("arrhenius_fits").has("max_error_scale"));
        assertTrue(Files.readAllLines(bd.resolve("arrhenius.csv")).get(0).endsWith(",dof,error_scale"));
        ModelParameters mp = ModelParameters.read(bd.resolve("model-parameters.json"));
        assertTrue(mp.barriers().eps1() < 0, "softer particles must have lower barriers: eps1 = " + mp.barriers().eps1());
        assertTrue(mp.barriers().t0() > 0.7);
        // labels are drawn independently per frame, so a run continues with probability q = P(R) ≤ 0.15 at
        // these T and the mean run length is 1/(1 − q) ∈ [1, 1.18] frames (1 frame = 1.0)
        assertTrue(mp.tauR() >= 1.0 && mp.tauR() <= 1.2, "tauR = " + mp.tauR());
        assertNotNull(mp.meanS());
        // issue 20: softness of T = 0.5 with the p_hop of T = 0.6 (same frames, timesteps and ids, another
        // trajectory) used to be accepted; now refused by name before any output
        Path s05 = root.resolve("soft0.5"), p06 = root.resolve("phop0.6");
        var mixed = CliRunner.run("barriers", "--out", root.resolve("bmix").toString(), "--quiet", "--set", "T=0.5:" + s05 + ":" + p06, setArgs[2], setArgs[3]);
        assertEquals(ExitCodes.INPUT, mixed.code(), mixed.err());
        assertTrue(mixed.err().startsWith("softglass: " + s05.resolve("softness.json") + ": softness was computed from synthetic-T0.5.dump (sha256 "), mixed.err());
        assertTrue(mixed.err().contains("but p_hop (" + p06.resolve("phop.json") + ") from synthetic-T0.6.dump (sha256 "), mixed.err());
        assertFalse(Files.exists(root.resolve("bmix").resolve("barriers.json")));
        var mixedF = CliRunner.run(concat(new String[] {"fluidity", model.toString(), "--test", train.toString(), "--sigma", "1",
                "--out", root.resolve("fmix").toString(), "--quiet", "--set", "T=0.5:" + root.resolve("feat0.5") + ":" + p06}, fluidArgs));
        assertEquals(ExitCodes.INPUT, mixedF.code(), mixedF.err());
        assertTrue(mixedF.err().contains(": descriptors were computed from synthetic-T0.5.dump (sha256 "), mixedF.err());
        assertFalse(Files.exists(root.resolve("fmix").resolve("bias_scan.csv")));
        // a softness directory written before softness.json existed: refused, saying to recompute it
        Path old = Files.createDirectories(root.resolve("soft-old"));
        Files.copy(s05.resolve("softness.npy"), old.resolve("softness.npy"));
        Files.copy(s05.resolve("rows.npy"), old.resolve("rows.npy"));
        var noRecord = CliRunner.run(concat(new String[] {"barriers", "--out", root.resolve("bold").toString(), "--quiet", "--set",
                "T=0.5:" + old + ":" + root.resolve("phop0.5")}, new String[] {setArgs[2], setArgs[3]}));
        assertEquals(ExitCodes.INPUT, noRecord.code(), noRecord.err());
        assertTrue(noRecord.err().contains(old.resolve("softness.json") + ": missing") && noRecord.err().contains("recompute it with 'softglass softness'"), noRecord.err());
        // descriptors without a trajectory record: softness refuses to make a product that could not be checked
        Path oldFeat = Files.createDirectories(root.resolve("feat-old"));
        for (String f : new String[] {"features.npy", "rows.npy"}) Files.copy(root.resolve("feat0.5").resolve(f), oldFeat.resolve(f));
        Files.writeString(oldFeat.resolve("features.json"), Files.readString(root.resolve("feat0.5").resolve("features.json"))
                .replaceFirst(",\"trajectory\":\\{[^}]*}", ""));
        var noFeat = CliRunner.run("softness", model.toString(), oldFeat.toString(), "--out", root.resolve("sold").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, noFeat.code(), noFeat.err());
        assertTrue(noFeat.err().contains(oldFeat.resolve("features.json") + ": no \"trajectory\" record"), noFeat.err());
        assertTrue(noFeat.err().contains("recompute the descriptors with 'softglass descriptors'"), noFeat.err());
        assertFalse(Files.exists(root.resolve("sold").resolve("softness.npy")));
        // a features.json whose header fields do not describe features.npy (another table's): refused by field
        Files.writeString(oldFeat.resolve("features.json"), Files.readString(root.resolve("feat0.5").resolve("features.json"))
                .replace("\"rows\":" + (F * N), "\"rows\":" + (F * N - 1)));
        var rowsOff = CliRunner.run("softness", model.toString(), oldFeat.toString(), "--out", root.resolve("sold").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, rowsOff.code(), rowsOff.err());
        assertEquals("softglass: " + oldFeat.resolve("features.json") + ": \"rows\" is " + (F * N - 1) + ", expected " + (F * N) + " (the rows of features.npy)\n", rowsOff.err());
        Files.writeString(oldFeat.resolve("features.json"), Files.readString(root.resolve("feat0.5").resolve("features.json")).replace("\"dtype\":\"f4\"", "\"dtype\":\"f8\""));
        var dtypeOff = CliRunner.run("softness", model.toString(), oldFeat.toString(), "--out", root.resolve("sold").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, dtypeOff.code(), dtypeOff.err());
        assertTrue(dtypeOff.err().contains("\"dtype\" is \"f8\", expected \"f4\" (the element type of features.npy)"), dtypeOff.err());

        Path fd = root.resolve("fluid");
        var fl = CliRunner.run(concat(new String[] {"fluidity", model.toString(), "--test", train.toString(), "--sigma-from", root.resolve("feat0.7").toString(),
                "--reference", model.toString(), "--out", fd.toString(), "--bins", "-2:2:8", "--quiet"}, fluidArgs));
        assertEquals(0, fl.code(), fl.err());
        JsonNode fj = JSON.readTree(fd.resolve("fluidity.json").toFile());
        assertEquals(1.0, fj.get("projection").asDouble(), 1e-12);       // a classifier projected on itself
        assertTrue(fj.get("best_accuracy").asDouble() >= fj.get("train_threshold_accuracy").asDouble());
        assertTrue(fj.get("barriers").get("onset_fit").get("eps1").asDouble() < 0);
        assertTrue(Files.exists(fd.resolve("bias_scan.png")) && Files.exists(fd.resolve("prs.csv")));
        // --lag pairs each row's structure with p_hop that many frames later (paper 003: structure at t - 2 tau)
        Path fd1 = root.resolve("fluid-lag1");
        var fl1 = CliRunner.run(concat(new String[] {"fluidity", model.toString(), "--test", train.toString(), "--sigma-from", root.resolve("feat0.7").toString(),
                "--out", fd1.toString(), "--bins", "-2:2:8", "--quiet", "--lag", "1", "--no-onset"}, fluidArgs));
        assertEquals(0, fl1.code(), fl1.err());
        assertNotEquals(Files.readString(fd.resolve("prs.csv")), Files.readString(fd1.resolve("prs.csv")), "lag 1 pairs other p_hop rows");
        assertEquals(1, JSON.readTree(fd1.resolve("fluidity.manifest.json").toFile()).get("parameters").get("lag").asInt());

        // bad input: a model whose feature spec does not match the descriptors
        Path other = Files.createDirectories(root.resolve("otherfeat"));
        Files.copy(root.resolve("feat0.5").resolve("features.npy"), other.resolve("features.npy"));
        Files.copy(root.resolve("feat0.5").resolve("rows.npy"), other.resolve("rows.npy"));
        Files.writeString(other.resolve("features.json"), Files.readString(root.resolve("feat0.5").resolve("features.json")).replace("G_A(mu=2.0", "G_B(mu=2.0"));
        var bad = CliRunner.run("softness", model.toString(), other.toString(), "--out", root.resolve("x").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, bad.code());
        assertTrue(bad.err().contains("does not match"), bad.err());
        assertFalse(Files.exists(root.resolve("x").resolve("softness.npy")));
        // a temperature above the planted onset (P(R|s) flat there): the onset fit refuses, saying so, after
        // writing the measured P(R|S) and the per-bin fits; no parameter file
        Path[] hot = temperature(root, 1.1, rnd);
        Path hs = root.resolve("soft1.1");
        assertEquals(0, CliRunner.run("softness", model.toString(), hot[0].toString(), "--out", hs.toString(), "--quiet").code());
        Path bh = root.resolve("bhot");
        var above = CliRunner.run(concat(new String[] {"barriers", "--out", bh.toString(), "--bins", "-3:3:12", "--quiet", "--set", "T=1.1:" + hs + ":" + hot[1]}, setArgs));
        assertEquals(ExitCodes.FAILED, above.code(), above.err()); // a refused fit, not a usage error
        assertTrue(above.err().contains("at or above the fitted onset"), above.err());
        assertTrue(Files.exists(bh.resolve("prs.csv")) && Files.exists(bh.resolve("arrhenius.csv")));
        assertFalse(Files.exists(bh.resolve("model-parameters.json")));
        // --onset-below-only: the flat T = 1.1 is left out of the onset fit (and listed), the planted onset is
        // recovered as without it, and T = 1.1 stays in P(R|S)
        Path bb = root.resolve("bbelow");
        var below = CliRunner.run(concat(new String[] {"barriers", "--out", bb.toString(), "--bins", "-3:3:12", "--quiet", "--onset-below-only",
                "--set", "T=1.1:" + hs + ":" + hot[1]}, setArgs));
        assertEquals(0, below.code(), below.err());
        var bj = JSON.readTree(bb.resolve("barriers.json").toFile());
        assertEquals(1, bj.get("onset_excluded_temperatures").size());
        assertEquals(1.1, bj.get("onset_excluded_temperatures").get(0).asDouble());
        // the same temperatures enter the fit (a bin usable at one of them plus T = 1.1 may add a point): T0 within its 1σ error
        var ref = JSON.readTree(bd.resolve("barriers.json").toFile()).get("onset_fit");
        assertEquals(ref.get("t0").asDouble(), bj.get("onset_fit").get("t0").asDouble(), ref.get("errors").get("t0").asDouble());
        assertTrue(Files.readString(bb.resolve("prs.csv")).contains("\n1.1,"), "T = 1.1 stays in P(R|S)");
        // fluidity with the same hot set: the onset fit refuses, but the scan, x_alpha and per-bin fits are written
        Path fh = root.resolve("fhot");
        var fhot = CliRunner.run(concat(new String[] {"fluidity", model.toString(), "--test", train.toString(), "--sigma-from", root.resolve("feat0.7").toString(),
                "--out", fh.toString(), "--bins", "-2:2:8", "--quiet", "--set", "T=1.1:" + hot[0] + ":" + hot[1]}, fluidArgs));
        assertEquals(ExitCodes.FAILED, fhot.code(), fhot.err());
        assertTrue(fhot.err().contains("onset"), fhot.err());
        assertTrue(JSON.readTree(fh.resolve("fluidity.json").toFile()).has("onset_error"));
        assertTrue(Files.exists(fh.resolve("bias_scan.csv")) && Files.exists(fh.resolve("arrhenius.csv")));
        // a single temperature
        var one = CliRunner.run("barriers", "--out", root.resolve("b1").toString(), setArgs[0], setArgs[1], "--quiet");
        assertEquals(ExitCodes.USAGE, one.code());
        assertTrue(one.err().contains("at least 2 temperatures"), one.err());
        // --bootstrap-blocks: bad values named; time blocks of K frames (frames 1..18 carry p_hop: 4 blocks of 5)
        var badBlocks = CliRunner.run(concat(new String[] {"barriers", "--out", root.resolve("bb0").toString(), "--bootstrap-blocks", "frames:0", "--quiet"}, setArgs));
        assertEquals(ExitCodes.USAGE, badBlocks.code());
        assertTrue(badBlocks.err().contains("--bootstrap-blocks: expected 'particle' or 'frames:K'"), badBlocks.err());
        assertFalse(Files.exists(root.resolve("bb0")));
        var timeBlocks = CliRunner.run(concat(new String[] {"barriers", "--out", root.resolve("bt").toString(), "--bins", "-3:3:12", "--bootstrap-blocks", "frames:5", "--quiet"}, setArgs));
        assertEquals(0, timeBlocks.code(), timeBlocks.err());
        JsonNode bt = JSON.readTree(root.resolve("bt").resolve("barriers.json").toFile());
        assertEquals("frames:5", bt.get("bootstrap").get("blocks").asText());
        for (JsonNode mo : bt.get("moments")) assertEquals(4, mo.get("bootstrap_blocks").asInt());
        // strict: sparse bins refused by name
        var strict = CliRunner.run(concat(new String[] {"barriers", "--out", root.resolve("b2").toString(), "--bins", "-3:3:12", "--strict", "--quiet"}, setArgs));
        assertEquals(ExitCodes.FAILED, strict.code(), strict.err());
        assertTrue(strict.err().contains("fewer than the 10 needed"), strict.err());
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

    /** A model on the fluidity-100 descriptors of A particles with seeded random weights (what train would write, minus the fit). */
    private static Path model(Path file, long seed) throws IOException {
        var spec = org.softglass.core.structure.DescriptorSpec.preset("fluidity-100");
        int m = spec.columnCount();
        java.util.Random rnd = new java.util.Random(seed);
        double[] w = new double[m], mean = new double[m], std = new double[m];
        for (int j = 0; j < m; j++) { w[j] = rnd.nextGaussian(); mean[j] = rnd.nextDouble(); std[j] = 0.5 + rnd.nextDouble(); }
        new org.softglass.core.softness.SoftnessModel(new org.softglass.core.softness.Hyperplane(w, 0.1),
                new org.softglass.core.softness.Standardization(mean, std), org.softglass.core.structure.FeatureFiles.columnMaps(spec),
                Map.of("feature_set", Map.of("preset", "fluidity-100", "center_species", "A"))).write(file);
        return file;
    }

    public static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
