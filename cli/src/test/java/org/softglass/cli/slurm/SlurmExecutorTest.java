package org.softglass.cli.slurm;

import org.softglass.cli.CliRunner;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.pipeline.Pipeline;
import org.softglass.cli.pipeline.PipelineStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SlurmExecutor} against a SLURM stand-in that records submissions: which items become jobs, after which jobs,
 * what a resubmission keeps, reuses and submits again, the dry run's {@code submit.sh} (run with a stand-in
 * {@code sbatch} on PATH), and the status table. The real SLURM run is {@code validation/slurm/one-node-smoke.sh}.
 */
public class SlurmExecutorTest {
    /** Records every submission; answers job states from a map the test fills. */
    static class FakeSlurm implements Slurm {
        final List<String> log = new ArrayList<>();
        final Map<String, String> state = new HashMap<>();
        int next = 100;

        @Override
        public String submit(Path script, List<String> after) {
            String id = Integer.toString(next++);
            log.add(script.getFileName().toString().replace(".sh", "") + "=" + id + " after " + after);
            state.put(id, "PENDING");
            return id;
        }

        @Override
        public String submitArray(Path script, List<String> after, List<Integer> tasks) {
            String id = Integer.toString(next++);
            log.add(script.getFileName().toString().replace(".sh", "") + "=" + id + " tasks " + tasks + " after " + after);
            for (int t : tasks) state.put(id + "_" + t, "PENDING");
            return id;
        }

        @Override
        public Map<String, String> states(List<String> ids) throws IOException {
            Map<String, String> m = new HashMap<>();
            for (String i : ids) if (state.containsKey(i)) m.put(i, state.get(i));
            return m;
        }

        @Override
        public void cancel(String id) {
            log.add("cancel " + id);
            state.put(id, "CANCELLED");
        }
    }

    /** a (done) → b → c; d reads a and c. */
    private static final List<Pipeline.Planned> PLAN = List.of(
            new Pipeline.Planned("simulate-T0.900", "simulate", List.of(), true),
            new Pipeline.Planned("phop-T0.900", "phop", List.of("simulate-T0.900"), false),
            new Pipeline.Planned("train-model", "train", List.of("phop-T0.900"), false),
            new Pipeline.Planned("report", "report", List.of("simulate-T0.900", "train-model"), false));

    private static SlurmExecutor executor(Path dir) {
        return new SlurmExecutor(dir, new SlurmExecutor.Settings("short", "phys", "1-00:00:00", 4, List.of("--qos=low", "--mem=2G")),
                List.of("/opt/java/bin/java", "-cp", "/opt/sg.jar", "org.softglass.cli.Main", "pipeline", "--preset", "smoke", "--out", dir.toString()));
    }

    @Test
    void itemsNotDoneBecomeJobsAfterTheJobsTheyRead(@TempDir Path dir) throws IOException {
        FakeSlurm slurm = new FakeSlurm();
        List<SlurmExecutor.Submitted> subs = executor(dir).submit(PLAN, slurm);
        assertEquals(List.of("phop-T0.900=100 after []", "train-model=101 after [100]", "report=102 after [101]"), slurm.log,
                "the done item is neither submitted nor waited for");
        assertEquals(3, subs.size());
        assertEquals(Map.of("phop-T0.900", "100", "train-model", "101", "report", "102"), JobsRecord.jobs(dir));

        String script = Files.readString(dir.resolve("slurm").resolve("scripts").resolve("train-model.sh"));
        assertTrue(script.startsWith("#!/bin/bash\n#SBATCH --job-name=sg-train-model\n#SBATCH --output=" + dir.resolve("slurm").resolve("logs")
                .resolve("train-model-%j.out") + "\n#SBATCH --cpus-per-task=4\n"), script);
        for (String o : List.of("#SBATCH --partition=short\n", "#SBATCH --account=phys\n", "#SBATCH --time=1-00:00:00\n", "#SBATCH --qos=low\n",
                "#SBATCH --mem=2G\n", "#SBATCH --kill-on-invalid-dep=yes\n")) {
            assertTrue(script.contains(o), o + " in\n" + script);
        }
        assertTrue(script.endsWith("exec '/opt/java/bin/java' '-cp' '/opt/sg.jar' 'org.softglass.cli.Main' 'pipeline' '--preset' 'smoke' '--out' '"
                + dir + "' --item 'train-model'\n"), script);
    }

    /**
     * Rerunning the submission: a job still queued or running is kept (its dependants wait on it), a failed or
     * vanished one is submitted again, and an item now complete is skipped.
     */
    @Test
    void resubmissionKeepsQueuedJobsAndResubmitsTheRest(@TempDir Path dir) throws IOException {
        FakeSlurm slurm = new FakeSlurm();
        executor(dir).submit(PLAN, slurm);
        slurm.log.clear();
        slurm.state.put("100", "RUNNING");
        slurm.state.put("101", "FAILED");
        slurm.state.remove("102");   // cancelled long ago: SLURM has forgotten it
        List<SlurmExecutor.Submitted> again = executor(dir).submit(PLAN, slurm);
        assertEquals(List.of("train-model=103 after [100]", "report=104 after [103]"), slurm.log);
        assertTrue(again.get(0).reused() && again.get(0).job().equals("100"), again.toString());
        assertEquals(Map.of("phop-T0.900", "100", "train-model", "103", "report", "104"), JobsRecord.jobs(dir));
        assertTrue(SlurmExecutor.table(again, false).contains("100*"), "a kept job is marked");

        // phop's job failed and is resubmitted: train-model's queued job would start before it, so it is replaced too
        slurm.log.clear();
        slurm.state.put("100", "FAILED");
        slurm.state.put("103", "PENDING");
        slurm.state.put("104", "PENDING");
        executor(dir).submit(PLAN, slurm);
        assertEquals(List.of("phop-T0.900=105 after []", "cancel 103", "train-model=106 after [105]", "cancel 104", "report=107 after [106]"), slurm.log);

        // a queued job whose script changed (here: other sbatch options) is replaced; one with the same script is kept
        slurm.log.clear();
        slurm.state.put("105", "RUNNING");
        new SlurmExecutor(dir, new SlurmExecutor.Settings("long", "phys", "1-00:00:00", 4, List.of("--qos=low", "--mem=2G")),
                List.of("/opt/java/bin/java", "-cp", "/opt/sg.jar", "org.softglass.cli.Main", "pipeline", "--preset", "smoke", "--out", dir.toString()))
                .submit(PLAN, slurm);
        assertEquals(List.of("cancel 105", "phop-T0.900=108 after []", "cancel 106", "train-model=109 after [108]", "cancel 107",
                "report=110 after [109]"), slurm.log);

        slurm.log.clear();
        List<Pipeline.Planned> done = PLAN.stream().map(p -> new Pipeline.Planned(p.key(), p.stage(), p.after(), true)).toList();
        assertEquals(List.of(), executor(dir).submit(done, slurm));
        assertEquals(List.of(), slurm.log);
    }

    /** A refusal by sbatch midway keeps the record of what was submitted before it. */
    @Test
    void refusalKeepsWhatWasSubmitted(@TempDir Path dir) throws IOException {
        FakeSlurm slurm = new FakeSlurm() {
            @Override
            public String submit(Path script, List<String> after) {
                if (script.getFileName().toString().startsWith("report")) throw new java.io.UncheckedIOException(new IOException("sbatch: invalid partition"));
                return super.submit(script, after);
            }
        };
        assertThrows(java.io.UncheckedIOException.class, () -> executor(dir).submit(PLAN, slurm));
        assertEquals(Map.of("phop-T0.900", "100", "train-model", "101"), JobsRecord.jobs(dir));
    }

    /** The dry run's submit.sh, run with a stand-in sbatch that prints ids and logs its arguments, submits in order with the dependencies. */
    @Test
    void dryRunScriptSubmitsInOrder(@TempDir Path dir) throws Exception {
        List<SlurmExecutor.Submitted> subs = executor(dir).submit(PLAN, null);
        assertEquals(3, subs.size());
        assertFalse(Files.exists(JobsRecord.file(dir)), "a dry run submits nothing and records no job");
        String said = runSubmitSh(dir);
        Path log = dir.resolve("sbatch.log");
        Path s = dir.resolve("slurm").resolve("scripts");
        assertEquals(List.of("--parsable " + s.resolve("phop-T0.900.sh"), "--parsable --dependency=afterok:7 " + s.resolve("train-model.sh"),
                "--parsable --dependency=afterok:8 " + s.resolve("report.sh")), Files.readAllLines(log));
        assertTrue(said.contains("report: job 9"), said);
        assertEquals(Map.of("phop-T0.900", "7", "train-model", "8", "report", "9"), JobsRecord.jobs(dir), "submit.sh records its jobs");
        assertEquals(64, JobsRecord.scripts(dir).get("report").length(), "with the script's SHA-256");
    }

    /** Item → the items it waits for, from the table a dry run prints ("KEY  -  A, B"). */
    public static Map<String, String> afterOf(String err) {
        Map<String, String> after = new java.util.LinkedHashMap<>();
        for (String l : err.lines().toList()) {
            String[] f = l.strip().split("\\s+-\\s*", 2);
            if (f.length == 2 && f[0].matches("[a-z]+(-[A-Za-z0-9.]+)*")) after.put(f[0], f[1].strip());
        }
        return after;
    }

    /** Runs the dry run's submit.sh with a stand-in sbatch that logs its arguments to DIR/sbatch.log and answers ids 7, 8, …; returns its output. */
    private static String runSubmitSh(Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin")), log = dir.resolve("sbatch.log");
        Path fake = bin.resolve("sbatch");
        Files.writeString(fake, "#!/bin/bash\nn=$(( $(wc -l < " + log + " 2>/dev/null || echo 0) + 7 ))\necho \"$*\" >> " + log + "\necho \"$n;cluster\"\n");
        fake.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", dir.resolve("slurm").resolve("submit.sh").toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process q = pb.start();
        String said = new String(q.getInputStream().readAllBytes());
        assertEquals(0, q.waitFor(), said);
        return said;
    }

    /** Shards of one temperature's softness, and the merge item reading them. */
    private static final List<Pipeline.Planned> SHARDED = List.of(
            new Pipeline.Planned("train-model", "train", List.of(), true),
            new Pipeline.Planned("softness-T0.900-s0", "softness", List.of("train-model"), false),
            new Pipeline.Planned("softness-T0.900-s1", "softness", List.of("train-model"), false),
            new Pipeline.Planned("softness-T0.900-s2", "softness", List.of("train-model"), false),
            new Pipeline.Planned("softness-T0.900", "softness", List.of("softness-T0.900-s0", "softness-T0.900-s1", "softness-T0.900-s2"), false));

    /**
     * The shards of one temperature are one job array (task i runs item {@code softness-T…-s<i>}); the merge waits for
     * its tasks. A rerun resubmits only the failed task (an array of one), keeps the running one, and makes the merge
     * wait for both; the dry run's submit.sh does the same with {@code --array}.
     */
    @Test
    void shardsAreOneJobArray(@TempDir Path dir) throws Exception {
        FakeSlurm slurm = new FakeSlurm();
        executor(dir).submit(SHARDED, slurm);
        assertEquals(List.of("softness-T0.900-s=100 tasks [0, 1, 2] after []", "softness-T0.900=101 after [100_0, 100_1, 100_2]"), slurm.log);
        assertEquals("100_1", JobsRecord.jobs(dir).get("softness-T0.900-s1"));
        String script = Files.readString(dir.resolve("slurm").resolve("scripts").resolve("softness-T0.900-s.sh"));
        assertTrue(script.contains("#SBATCH --output=" + dir.resolve("slurm").resolve("logs").resolve("softness-T0.900-s%a-%A_%a.out") + "\n"), script);
        assertTrue(script.endsWith(" --item 'softness-T0.900-s'\"$SLURM_ARRAY_TASK_ID\"\n"), script);

        slurm.log.clear();
        slurm.state.put("100_1", "FAILED");
        slurm.state.put("100_2", "RUNNING");
        slurm.state.remove("101");   // SLURM cancelled it: an item it needed failed
        List<Pipeline.Planned> rerun = new ArrayList<>(SHARDED);
        rerun.set(1, new Pipeline.Planned("softness-T0.900-s0", "softness", List.of("train-model"), true));
        List<SlurmExecutor.Submitted> again = executor(dir).submit(rerun, slurm);
        assertEquals(List.of("softness-T0.900-s=102 tasks [1] after []", "softness-T0.900=103 after [102_1, 100_2]"), slurm.log);
        assertTrue(again.stream().anyMatch(x -> x.key().equals("softness-T0.900-s2") && x.reused()), again.toString());

        // a rerun with fewer shards: the queued task of the shard no longer in the plan is cancelled and forgotten
        slurm.log.clear();
        slurm.state.put("102_1", "COMPLETED");
        List<Pipeline.Planned> two = List.of(SHARDED.get(0),
                new Pipeline.Planned("softness-T0.900-s0", "softness", List.of("train-model"), false),
                new Pipeline.Planned("softness-T0.900-s1", "softness", List.of("train-model"), false),
                new Pipeline.Planned("softness-T0.900", "softness", List.of("softness-T0.900-s0", "softness-T0.900-s1"), false));
        executor(dir).submit(two, slurm);
        assertEquals("cancel 100_2", slurm.log.get(0), slurm.log.toString());
        assertFalse(JobsRecord.jobs(dir).containsKey("softness-T0.900-s2"), "forgotten");

        Path dry = dir.resolve("dry");
        executor(dry).submit(SHARDED, null);
        runSubmitSh(dry);
        Path s = dry.resolve("slurm").resolve("scripts");
        assertEquals(List.of("--parsable --array=0,1,2 " + s.resolve("softness-T0.900-s.sh"),
                "--parsable --dependency=afterok:7_0:7_1:7_2 " + s.resolve("softness-T0.900.sh")), Files.readAllLines(dry.resolve("sbatch.log")));
        assertEquals("7_2", JobsRecord.jobs(dry).get("softness-T0.900-s2"), "submit.sh records each task's job");
    }

    /**
     * The real commands' parsing, with stand-ins for sbatch, squeue, sacct and scancel: the job id of
     * {@code sbatch --parsable} ("ID;cluster"), sbatch's own message when it refuses, states from squeue (which alone says
     * what is queued) and sacct ("CANCELLED by 0" is CANCELLED; a job sacct calls RUNNING that squeue no longer lists is
     * GONE), and a failing squeue.
     */
    @Test
    void slurmCommandsAreParsed(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path args = dir.resolve("args.log");
        write(bin.resolve("sbatch"), "echo \"$*\" >> " + args + "\nif grep -q bad <<< \"$*\"; then echo 'sbatch: error: invalid partition specified: x' >&2; exit 1; fi\necho '42;softglass'");
        write(bin.resolve("squeue"), "echo \"$*\" >> " + args + "\nprintf '41|RUNNING\\n42|PENDING\\n99|RUNNING\\n'");
        write(bin.resolve("sacct"), "printf '40|CANCELLED by 0\\n41|RUNNING\\n43|RUNNING\\n44|FAILED\\n'");
        write(bin.resolve("scancel"), "echo \"scancel $*\" >> " + args);
        Slurm s = Slurm.commands(bin + "/");
        assertEquals("42", s.submit(dir.resolve("a.sh"), List.of("7", "8")));
        assertEquals("--parsable --dependency=afterok:7:8 " + dir.resolve("a.sh"), Files.readAllLines(args).get(0));
        IOException e = assertThrows(IOException.class, () -> s.submit(dir.resolve("bad.sh"), List.of()));
        assertEquals("sbatch refused bad.sh: sbatch: error: invalid partition specified: x", e.getMessage());
        assertEquals(Map.of("40", "CANCELLED", "41", "RUNNING", "42", "PENDING", "43", "GONE", "44", "FAILED"),
                s.states(List.of("40", "41", "42", "43", "44", "45")));
        assertTrue(Files.readString(args).contains("-h -r --me -o %i|%T"), Files.readString(args));
        assertEquals("42", s.submitArray(dir.resolve("a.sh"), List.of(), List.of(0, 2)));
        assertTrue(Files.readString(args).contains("--parsable --array=0,2 " + dir.resolve("a.sh")), Files.readString(args));
        s.cancel("42");
        assertTrue(Files.readString(args).contains("scancel 42"));
        write(bin.resolve("squeue"), "echo 'squeue: error: Unable to contact slurm controller (connect failure)' >&2; exit 1");
        assertEquals("squeue failed: squeue: error: Unable to contact slurm controller (connect failure)",
                assertThrows(IOException.class, () -> s.states(List.of("41"))).getMessage());
    }

    private static void write(Path f, String body) throws IOException {
        Files.writeString(f, "#!/bin/bash\n" + body + "\n");
        f.toFile().setExecutable(true);
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
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--quench-shards", "2",
                "--executor", "slurm", "--dry-run");
        assertEquals(0, r.code(), r.err());
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
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--softness-shards", "2",
                "--executor", "slurm", "--dry-run");
        assertEquals(0, r.code(), r.err());
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
        CliRunner.Result r = CliRunner.run("pipeline", "--preset", "smoke", "--out", out.toString(), "--threads", "2", "--executor", "slurm", "--dry-run");
        assertEquals(0, r.code(), r.err());
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
        expected.put("correlations-T0.610", "simulate-T0.610, phop-T0.610, softness-T0.610, barriers");
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

    /** --status's table: done from the ledger, SLURM's state while queued, failed with the log or the reason it never ran. */
    @Test
    void statusTableSaysWhatEachJobIs(@TempDir Path dir) throws IOException {
        FakeSlurm slurm = new FakeSlurm();
        executor(dir).submit(PLAN, slurm);
        Files.createDirectories(dir.resolve("stages"));
        Files.writeString(dir.resolve("stages").resolve("phop-T0.900.json"), "{\"status\": \"complete\"}");
        Files.writeString(dir.resolve("slurm").resolve("logs").resolve("train-model-101.out"), "softglass: error\n");
        slurm.state.put("100", "COMPLETED");
        slurm.state.put("101", "FAILED");
        slurm.state.put("102", "PENDING");
        String t = PipelineStatus.slurm(dir, slurm);
        assertTrue(t.matches("(?s).*phop-T0\\.900\\s+100\\s+done\n.*"), t);
        assertTrue(t.contains("FAILED"), t);
        assertTrue(t.contains("log: " + dir.resolve("slurm").resolve("logs").resolve("train-model-101.out")), t);
        assertTrue(t.matches("(?s).*report\\s+102\\s+PENDING\n.*"), t);
        slurm.state.remove("102");
        assertTrue(PipelineStatus.slurm(dir, slurm).contains("never started (cancelled, or an item it needs failed)"));
        assertTrue(PipelineStatus.slurm(dir, slurm).contains("2 item(s) failed or were cancelled: rerun the submitting command"));
        // SLURM out of reach: what is not complete is unknown, not failed
        String down = PipelineStatus.slurm(dir, new FakeSlurm() {
            @Override
            public Map<String, String> states(List<String> ids) throws IOException { throw new IOException("squeue failed: no controller"); }
        });
        assertTrue(down.contains("(squeue failed: no controller)") && down.matches("(?s).*report\\s+102\\s+unknown \\(SLURM not reached\\)\n.*"), down);
        assertFalse(down.contains("failed or were cancelled"), down);
        Files.writeString(JobsRecord.file(dir), "{not json");
        assertTrue(PipelineStatus.slurm(dir, slurm).contains("not a softglass jobs record"));
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
