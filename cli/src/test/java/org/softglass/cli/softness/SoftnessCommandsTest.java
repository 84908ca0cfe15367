package org.softglass.cli.softness;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.*;
import static org.softglass.cli.softness.SoftnessFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.core.params.ModelParameters;

/**
 * {@code train → softness → barriers → fluidity} end to end on small synthetic inputs
 * written in the file-contract formats (features.npy/rows.npy/features.json, samples.csv/
 * samples_features.npy, phop.npy/phop.json). Labels follow a planted
 * P(R|s,T) with s = u·g, so the chain must come out with softer = lower barrier (ε1 &lt; 0) and an
 * onset above the temperatures used. The numerical recovery itself is tested in core.
 */
public class SoftnessCommandsTest {
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
}
