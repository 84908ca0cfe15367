package org.softglass.cli.slurm;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline command with {@code --executor slurm}: the dependency graph its dry run prints and writes to
 * {@code submit.sh}, frame-block shards as items of their own, and the executor options checked before anything runs.
 */
public class SlurmPipelineTest {
    /** Item → the items it waits for, from the table a dry run prints ("KEY  -  A, B"). */
    public static Map<String, String> afterOf(String err) {
        Map<String, String> after = new java.util.LinkedHashMap<>();
        for (String l : err.lines().toList()) {
            String[] f = l.strip().split("\\s+-\\s*", 2);
            if (f.length == 2 && f[0].matches("[a-z]+(-[A-Za-z0-9.]+)*")) after.put(f[0], f[1].strip());
        }
        return after;
    }

    /** {@code pipeline --preset smoke --out OUT --threads 2 EXTRA... --executor slurm --dry-run}, which must succeed. */
    private static CliRunner.Result dryRun(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        args.addAll(List.of("--executor", "slurm", "--dry-run"));
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return r;
    }

    /**
     * With {@code --quench-shards 2} each temperature's quench is two frame-block items after its MD item and a merge
     * item after them; the structure analysis (p_hop, training, softness, correlations, observables) reads the merged
     * file, the MD chain goes on from the MD items alone. Switching the shard count on an existing run is refused like
     * another thread count; a study and a preset without inherent structures refuse it.
     */
    @Test
    void quenchShardsAreItemsOfTheirOwn(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        CliRunner.Result r = dryRun(out, "--quench-shards", "2");
        Map<String, String> after = afterOf(r.err());
        assertEquals("simulate-T0.900", after.get("simulate-T0.750"), "the chain: MD after MD");
        assertEquals("simulate-T0.750", after.get("simulate-T0.750-q0"));
        assertEquals("simulate-T0.750", after.get("simulate-T0.750-q1"));
        assertEquals("simulate-T0.750-q0, simulate-T0.750-q1", after.get("simulate-T0.750-is"));
        assertEquals("simulate-T0.750-is", after.get("phop-T0.750"));
        assertEquals("simulate-T0.750-is, phop-T0.750", after.get("train-set-T0.750"));
        assertEquals("simulate-T0.750, simulate-T0.750-is, phop-T0.750", after.get("observables-T0.750"), "F_s on the thermal file, Q on the IS");
        String q1 = Files.readString(out.resolve("slurm").resolve("scripts").resolve("simulate-T0.750-q.sh"));
        assertTrue(q1.contains("'--preset' 'smoke' '--quench-shards' '2' '--out'"), "the jobs run the same split: " + q1);

        CliRunner.Result other = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(ExitCodes.USAGE, other.code(), other.err());
        assertTrue(other.err().contains("holds a pipeline run with --quench-shards 2; this command has --quench-shards 0"), other.err());
        CliRunner.Result study = CliRunner.run("study", "../examples/study-ka-small.yaml", "--out", tmp.resolve("s").toString(), "--quench-shards", "2");
        assertEquals(ExitCodes.USAGE, study.code(), study.err());
        assertTrue(study.err().contains("this study reads trajectories"), study.err());
    }

    /**
     * With {@code --softness-shards 2} each temperature's softness is two frame-block items, submitted as one job array
     * after the MD and the model, and a merge item after them, in the place of the single item: barriers and the rest
     * read the merged folder, as before.
     */
    @Test
    void softnessShardsAreOneArrayPerTemperature(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        CliRunner.Result r = dryRun(out, "--softness-shards", "2");
        Map<String, String> after = afterOf(r.err());
        assertEquals("simulate-T0.660, train-model", after.get("softness-T0.660-s0"));
        assertEquals("simulate-T0.660, train-model", after.get("softness-T0.660-s1"));
        assertEquals("softness-T0.660-s0, softness-T0.660-s1", after.get("softness-T0.660"));
        assertTrue(after.get("barriers").contains("softness-T0.660") && !after.get("barriers").contains("-s0"), after.get("barriers"));
        String submit = Files.readString(out.resolve("slurm").resolve("submit.sh"));
        Path scripts = out.resolve("slurm").resolve("scripts");
        assertTrue(submit.contains("--array=0,1 --dependency=afterok:${J_simulate_T0_660%%;*}:${J_train_model%%;*} '" + scripts.resolve("softness-T0.660-s.sh")),
                submit);
        assertTrue(submit.contains("--dependency=afterok:${J_softness_T0_660_s0%%;*}:${J_softness_T0_660_s1%%;*} '" + scripts.resolve("softness-T0.660.sh")),
                submit);
        assertTrue(Files.readString(scripts.resolve("softness-T0.660-s.sh")).contains("'--softness-shards' '2'"), "the jobs run the same split");
    }

    /** The plan of a fresh smoke run, as the dry run prints it: every item and the items it waits for. */
    @Test
    void dryRunOfAFreshRunHasTheWholeDependencyGraph(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        CliRunner.Result r = dryRun(out);
        Map<String, String> after = afterOf(r.err());
        String all = "simulate-T0.900, simulate-T0.750, simulate-T0.660, simulate-T0.610, phop-T0.900, phop-T0.750, phop-T0.660, phop-T0.610, "
                + "train-set-T0.750, train-set-T0.660, train-set-T0.610, train-model, softness-T0.900, softness-T0.750, softness-T0.660, "
                + "softness-T0.610, barriers, correlations-T0.610, trap-relax, trap-equilibrium, trsp, observables-T0.900, observables-T0.750, "
                + "observables-T0.660, observables-T0.610";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("simulate-T0.900", "");
        expected.put("simulate-T0.750", "simulate-T0.900");
        expected.put("simulate-T0.660", "simulate-T0.750");
        expected.put("simulate-T0.610", "simulate-T0.660");
        for (String t : List.of("T0.900", "T0.750", "T0.660", "T0.610")) expected.put("phop-" + t, "simulate-" + t);
        for (String t : List.of("T0.750", "T0.660", "T0.610")) expected.put("train-set-" + t, "simulate-" + t + ", phop-" + t);
        expected.put("train-model", "train-set-T0.750, train-set-T0.660, train-set-T0.610");
        for (String t : List.of("T0.900", "T0.750", "T0.660", "T0.610")) expected.put("softness-" + t, "simulate-" + t + ", train-model");
        expected.put("barriers", "phop-T0.900, phop-T0.750, phop-T0.660, phop-T0.610, softness-T0.900, softness-T0.750, softness-T0.660, softness-T0.610");
        // C_S(r) for the models comes from the highest T (002 §VI): correlations reads its trajectory and softness too
        expected.put("correlations-T0.610", "simulate-T0.900, simulate-T0.610, phop-T0.610, softness-T0.900, softness-T0.610, barriers");
        expected.put("trap-relax", "correlations-T0.610");
        expected.put("trap-equilibrium", "correlations-T0.610");
        expected.put("trsp", "correlations-T0.610");
        for (String t : List.of("T0.900", "T0.750", "T0.660", "T0.610")) expected.put("observables-" + t, "simulate-" + t + ", phop-" + t);
        expected.put("report", all);
        assertEquals(expected, after, r.err());
        assertTrue(Files.isRegularFile(out.resolve("pipeline.json")), "the jobs of submit.sh start from the run's record");
        CliRunner.Result from = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--executor", "slurm",
                "--dry-run", "--from", "phop");
        assertEquals(ExitCodes.USAGE, from.code(), from.err());
        assertTrue(from.err().contains("--dry-run cannot be combined with --from"), from.err());
    }

    /** The executor options are checked before anything runs, one line naming the option. */
    @Test
    void badExecutorOptionsAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("run").toString();
        Map<List<String>, String> cases = Map.ofEntries(
                Map.entry(List.of("--executor", "pbs"), "--executor must be local or slurm, got 'pbs'"),
                Map.entry(List.of("--partition", "short"), "--partition needs --executor slurm"),
                Map.entry(List.of("--dry-run"), "--dry-run needs --executor slurm"),
                Map.entry(List.of("--executor", "slurm", "--time", "tomorrow"), "--time must be a SLURM time limit"),
                Map.entry(List.of("--executor", "slurm", "--item", "barriers"), "--item runs one item here; it cannot be combined with --executor slurm"),
                Map.entry(List.of("--executor", "slurm", "--sbatch-option", "--dependency=afterok:1"), "sets the jobs' dependencies"),
                Map.entry(List.of("--executor", "slurm", "--sbatch-option", "-e/tmp/x"), "sets the jobs' dependencies, outputs"),
                Map.entry(List.of("--executor", "slurm", "--sbatch-option", "qos"), "--sbatch-option must be one sbatch option starting with '-'"),
                Map.entry(List.of("--executor", "slurm", "--cpus-per-task", "0"), "--cpus-per-task must be >= 1"),
                Map.entry(List.of("--softness-shards", "-1"), "--softness-shards must be >= 0, got -1"),
                Map.entry(List.of("--item", "barriers", "--from", "phop"), "cannot be combined with --from"));
        for (var c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("pipeline", "--preset", "smoke", "--out", out, "--quiet"));
            args.addAll(c.getKey());
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), c.getKey() + ": " + r.err());
            assertTrue(r.err().contains(c.getValue()), c.getKey() + ": " + r.err());
            assertFalse(Files.exists(tmp.resolve("run").resolve("stages")), c.getKey() + " created the run");
        }
        Path spaced = tmp.resolve("with space");
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", spaced.toString(), "--executor", "slurm", "--dry-run", "--quiet");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("has a space, %, quote or backslash, which sbatch's --output cannot take"), r.err());
        assertFalse(Files.exists(spaced), "nothing created");
    }
}
