package org.softglass.cli.pipeline;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.softglass.cli.pipeline.PipelineRuns.JSON;
import static org.softglass.cli.pipeline.PipelineRuns.created;
import static org.softglass.cli.pipeline.PipelineRuns.interruptAfter;
import static org.softglass.cli.pipeline.PipelineRuns.line;
import static org.softglass.cli.pipeline.PipelineRuns.select;
import static org.softglass.cli.pipeline.PipelineRuns.statuses;

/**
 * {@code softglass pipeline --preset smoke} end to end: interrupted (the process is killed once the
 * softness model exists), resumed without redoing finished stages, complete with every summary
 * field finite, a rerun that skips everything, and {@code --from}.
 */
class PipelineCommandTest {
    /** Summary fields that must hold finite numbers after a complete run ("*" = every element). */
    static final List<String> EXPECTED = List.of(
            "onset_fit/eps0", "onset_fit/eps1", "onset_fit/eps2", "onset_fit/sigma0", "onset_fit/t0",
            "mean_s_fit/a", "mean_s_fit/b", "mean_s_fit/a_err", "mean_s_fit/b_err",
            "softness_model/train_accuracy", "softness_model/cv_accuracy", "softness_model/samples",
            "parameters/rho_s0", "parameters/rho_sigma0", "parameters/tauR", "parameters/cS/c0", "parameters/cS/c1", "parameters/cS/xi",
            "trsp_kicks/sigmaDelta/c0", "trsp_kicks/sigmaDelta/c1", "trsp_kicks/sigmaDelta/xi", "trsp_kicks/rhoDelta/c1", "trsp_kicks/rhoDelta/xi",
            "md/*/temperature_measured", "md/*/pe_per_atom", "md/*/pressure",
            "comparison/*/mean_s_md", "comparison/*/std_s_md", "comparison/*/mean_s_trap", "comparison/*/tau_Q_trap",
            "comparison/*/chi4_star_md", "comparison/*/tau_chi_md", "comparison/*/chi4_star_trap", "comparison/*/tau_chi_trap",
            "comparison/*/chi4_star_trsp", "comparison/*/tau_chi_trsp", "comparison/0/tau_Q_md", "comparison/0/tau_Q_trsp",
            "comparison/0/tau_persist_md", "md_overlap/a",
            "detailed_balance/*/chi2", "detailed_balance/*/dof", "arrhenius_bins");

    /** Further fields that must be finite when the onset was fitted (not taken from the preset after a refusal). */
    static final List<String> FITTED_ONSET = List.of(
            "onset_fit/eps0_err", "onset_fit/eps1_err", "onset_fit/eps2_err", "onset_fit/sigma0_err", "onset_fit/t0_err", "onset_fit/chi2",
            "onset_fit/error_scale");

    @Test
    void smokePipelineResumesCompletesAndSkipsWhatIsDone(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        // 1. a real interruption: the pipeline process is killed after the training stage
        interruptAfter(out, "train-model");
        assertFalse(Files.exists(out.resolve("report").resolve("summary.json")), "killed before the report");
        Map<String, String> before = created(out, "simulate-", "phop-", "train-");
        assertTrue(before.size() >= 4 + 4 + 3, "simulate, phop and train items recorded: " + before.keySet());
        CliRunner.Result st = CliRunner.run("pipeline", "--status", "--out", out.toString());
        assertEquals(0, st.code(), st.err());
        assertTrue(st.out().lines().anyMatch(l -> l.matches("simulate\\s+4\\s+0\\s+\\d+\\.\\d\\s*")), st.out());
        assertTrue(st.out().lines().anyMatch(l -> l.matches("barriers\\s+0\\s+0\\s+0\\.0\\s+not started")), st.out());
        assertEquals("softglass: --status: " + tmp.resolve("none") + " holds no pipeline or study run (no stages/ folder)",
                CliRunner.run("pipeline", "--status", "--out", tmp.resolve("none").toString()).err().strip());

        // 1b. the slurm executor's plan of the interrupted run (--dry-run): a script per item not yet done, each after the
        // jobs of the items it reads that are not done either; nothing in the run changes
        CliRunner.Result dry = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--executor", "slurm",
                "--dry-run", "--partition", "short", "--time", "0:30:00");
        assertEquals(0, dry.code(), dry.err());
        assertEquals(before, created(out, "simulate-", "phop-", "train-"), "a dry run changes nothing");
        List<String> scripts;
        try (var l = Files.list(out.resolve("slurm").resolve("scripts"))) {
            scripts = l.map(f -> f.getFileName().toString().replace(".sh", "")).sorted().toList();
        }
        assertEquals(List.of("barriers", "correlations-T0.610", "observables-T0.610", "observables-T0.660", "observables-T0.750", "observables-T0.900",
                "report", "softness-T0.610", "softness-T0.660", "softness-T0.750", "softness-T0.900", "trap-equilibrium", "trap-relax", "trsp"), scripts);
        String submit = Files.readString(out.resolve("slurm").resolve("submit.sh"));
        assertTrue(submit.contains("J_barriers=$(sbatch --parsable --dependency=afterok:${J_softness_T0_900%%;*}:${J_softness_T0_750%%;*}:"
                + "${J_softness_T0_660%%;*}:${J_softness_T0_610%%;*} "), submit);
        assertTrue(submit.contains("J_softness_T0_900=$(sbatch --parsable '"), "softness reads only finished items: no dependency\n" + submit);
        String script = Files.readString(out.resolve("slurm").resolve("scripts").resolve("barriers.sh"));
        assertTrue(script.contains("#SBATCH --partition=short\n#SBATCH --time=0:30:00\n"), script);
        assertTrue(script.contains("'pipeline' '--preset' 'smoke' '--out' '" + out.toAbsolutePath() + "' '--threads' '2' '--seed' '1' --item 'barriers'"), script);

        // 1c. one item as a batch job runs it: an item whose inputs are not made yet is refused naming the file; softness at
        // T = 0.9 runs alone (its record is the only new one)
        CliRunner.Result notYet = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--item", "barriers");
        assertEquals(ExitCodes.FAILED, notYet.code(), notYet.err());
        assertTrue(notYet.err().contains("item barriers reads " + out.resolve("softness").resolve("T0.900").resolve("softness.npy")
                + ", which does not exist"), notYet.err());
        CliRunner.Result one = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--item", "softness-T0.900");
        assertEquals(0, one.code(), one.err());
        assertEquals(Map.of("softness-T0.900.json", "complete"), statuses(out, "softness-", "barriers"));
        assertTrue(one.err().contains("softglass pipeline: item softness-T0.900 done in"), one.err());
        assertEquals(ExitCodes.USAGE, CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--item", "nope").code());

        // 2. resume: finished items are skipped (their manifests untouched), the rest runs
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(before, created(out, "simulate-", "phop-", "train-"), "finished stages were redone");
        assertTrue(line(r.err(), "simulate").contains("up to date"), r.err());
        assertTrue(line(r.err(), "train").contains("up to date"), r.err());
        assertTrue(line(r.err(), "barriers").contains("1 item(s) run"), r.err());
        assertEquals(10, Pattern.compile("(?m)^\\[\\s*\\d+/10\\] ").matcher(r.err()).results().count(), "one line per stage:\n" + r.err());

        // 3. every expected summary field is finite; the page references figures that exist
        Path report = out.resolve("report");
        JsonNode sum = JSON.readTree(report.resolve("summary.json").toFile());
        for (String f : EXPECTED) for (JsonNode v : select(sum, f)) assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), f + " = " + v);
        // the smoke run's statistics may or may not support the onset fit: either it is fitted (with errors)
        // or the models ran on the ka-002 preset's values and the summary says why
        String source = sum.get("onset_fit").get("source").asText();
        if (source.equals("fitted")) {
            for (String f : FITTED_ONSET) for (JsonNode v : select(sum, f)) assertTrue(v.isNumber() && Double.isFinite(v.asDouble()), f + " = " + v);
        } else {
            assertEquals(org.softglass.study.barriers.BarriersStudy.ONSET_PRESET, source);
            assertTrue(sum.get("onset_fit").get("reason").asText().contains("onset fit refused"), sum.get("onset_fit").toString());
        }
        assertEquals(4, sum.get("comparison").size());
        // the MD Q(t) is the inherent-state overlap: Q(0) = 1 at every T (the p_hop persistence has Q(0) < 1)
        for (String t : List.of("T0.900", "T0.610")) {
            List<String> ov = Files.readAllLines(out.resolve("observables").resolve(t).resolve("overlap").resolve("overlap.csv"));
            assertEquals("t,Q,chi4", ov.get(0).substring(0, 8), t);
            assertTrue(ov.get(1).startsWith("0.0,1.0,0.0,"), t + ": " + ov.get(1));
        }
        assertEquals("inherent structures", sum.get("md_overlap").get("positions").asText());
        // the models' C_S(r) is the fit at the highest T (002 §VI), measured beside the lowest T's kicks and C_S(r)
        JsonNode high = JSON.readTree(out.resolve("correlations").resolve("cs-T0.900").resolve("correlations.json").toFile());
        assertEquals(high.get("cS").get("c1").asDouble(), sum.get("parameters").get("cS").get("c1").asDouble(), 0.0);
        assertEquals(high.get("cS").get("xi").asDouble(), sum.get("parameters").get("cS").get("xi").asDouble(), 0.0);
        assertEquals(0.9, JSON.readTree(out.resolve("correlations").resolve("correlations.json").toFile()).get("cS_model").get("T").asDouble(), 0.0);
        String html = Files.readString(report.resolve("index.html"));
        var imgs = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html).results().map(m -> m.group(1)).toList();
        assertTrue(imgs.size() >= 4 * 2 + 5, "figures in the page: " + imgs);
        for (String img : imgs) assertTrue(Files.size(report.resolve(img)) > 1000, img);
        assertTrue(html.contains("ε1") && html.contains("Detailed balance"), "fitted-number table and sections");

        // 4. a rerun changes nothing
        byte[] summary = Files.readAllBytes(report.resolve("summary.json"));
        Map<String, String> all = created(out, "");
        CliRunner.Result again = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2");
        assertEquals(0, again.code(), again.err());
        assertEquals(10, again.err().lines().filter(l -> l.contains("up to date, skipped")).count(), again.err());
        assertEquals(all, created(out, ""));
        assertArrayEquals(summary, Files.readAllBytes(report.resolve("summary.json")));

        // 4b. with every item done, the slurm executor has nothing to submit
        CliRunner.Result none = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--executor", "slurm", "--dry-run");
        assertEquals(0, none.code(), none.err());
        assertTrue(none.err().contains("dry run: batch scripts of 0 item(s)"), none.err());

        // 5. --from barriers reruns barriers and what follows, nothing before it
        CliRunner.Result from = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--from", "barriers");
        assertEquals(0, from.code(), from.err());
        Map<String, String> after = created(out, "");
        for (var e : all.entrySet()) {
            boolean early = e.getKey().startsWith("simulate-") || e.getKey().startsWith("phop-") || e.getKey().startsWith("train-")
                    || e.getKey().startsWith("softness-");
            if (early) assertEquals(e.getValue(), after.get(e.getKey()), e.getKey());
            else assertNotEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " should have rerun");
        }

        // 6. a bad stage name is a usage error naming the stages
        CliRunner.Result bad = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--from", "nonsense");
        assertEquals(ExitCodes.USAGE, bad.code());
        assertTrue(bad.err().contains("simulate, phop, train"), bad.err());

        // 7. the same trajectories as a user's study give the same numbers
        studyOfThePipelinesTrajectoriesMatchesIt(tmp, out);
    }

    /**
     * {@code softglass study} on a YAML configuration naming the smoke run's own trajectories (its
     * inherent structures, and thermal frames for F_s) with the smoke preset's thresholds: every stage
     * from p_hop on sees the same data and seed, so p_hop, softness, the fits, the parameter file and the
     * model comparisons equal the pipeline's; the MD thermo the study does not have is null; a rerun skips all.
     */
    private static void studyOfThePipelinesTrajectoriesMatchesIt(Path tmp, Path run) throws IOException {
        StringBuilder y = new StringBuilder("name: smoke-as-study\nmodel: ka\ninherent_structures: true\ndt: 0.005\ntrajectories:\n");
        for (String t : List.of("0.90", "0.75", "0.66", "0.61")) {
            Path md = run.resolve("md").resolve("T" + t + "0");
            y.append("  - {temperature: ").append(t).append(", file: ").append(md.resolve("is.dump")).append(", thermal: ")
                    .append(md.resolve("traj.dump")).append("}\n");
        }
        y.append("features: fluidity-100\ntrain_temperatures: [0.75, 0.66, 0.61]\nt_r: 10\np_c: 0.3\np_stable: 0.02\ntau_c: 8\np_r: 0.2\n")
                .append("trsp: {L: 8, trajectories: 2, events: 4000}\nbootstrap: 50\n");
        Path config = tmp.resolve("smoke.yaml"), study = tmp.resolve("study");
        Files.writeString(config, y);
        CliRunner.Result r = CliRunner.run("study", config.toString(), "--out", study.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(line(r.err(), "simulate").contains("trajectories of smoke.yaml"), r.err());
        for (String t : List.of("T0.900", "T0.610")) {
            assertArrayEquals(Files.readAllBytes(run.resolve("phop").resolve(t).resolve("phop.npy")),
                    Files.readAllBytes(study.resolve("phop").resolve(t).resolve("phop.npy")), t);
            assertArrayEquals(Files.readAllBytes(run.resolve("softness").resolve(t).resolve("softness.npy")),
                    Files.readAllBytes(study.resolve("softness").resolve(t).resolve("softness.npy")), t);
        }
        JsonNode a = JSON.readTree(run.resolve("report").resolve("summary.json").toFile());
        JsonNode b = JSON.readTree(study.resolve("report").resolve("summary.json").toFile());
        for (String k : List.of("onset_fit", "parameters", "softness_model", "mean_s_fit", "comparison", "detailed_balance", "md_overlap",
                "time_matching", "fallbacks")) {
            // a refusal's reason names the run's own directory
            // (the study's messages name its own folder and the pipeline's trajectories it read)
            assertEquals(String.valueOf(a.get(k)).replace(run.toString(), "RUN"),
                    String.valueOf(b.get(k)).replace(study.toString(), "RUN").replace(run.toString(), "RUN"), k);
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(a.get("md").get(i).get("tau_alpha_fs02"), b.get("md").get(i).get("tau_alpha_fs02"));
            assertTrue(b.get("md").get(i).get("pe_per_atom").isNull(), "a study has no MD thermo of ours");
        }
        assertEquals("ka", b.get("settings").get("model").asText());
        assertEquals(config.toAbsolutePath().toString(), b.get("study").get("config").asText());
        assertTrue(Files.readString(study.resolve("report").resolve("index.html")).contains("Study <b>smoke-as-study</b>"));
        CliRunner.Result again = CliRunner.run("study", config.toString(), "--out", study.toString(), "--threads", "2");
        assertEquals(0, again.code(), again.err());
        assertEquals(9, again.err().lines().filter(l -> l.contains("up to date, skipped")).count(), again.err());
    }

}
