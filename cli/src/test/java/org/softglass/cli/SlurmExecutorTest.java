package org.softglass.cli;

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
class SlurmExecutorTest {
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
        public Map<String, String> states(List<String> ids) {
            Map<String, String> m = new HashMap<>();
            for (String i : ids) if (state.containsKey(i)) m.put(i, state.get(i));
            return m;
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
        assertEquals(Map.of("phop-T0.900", "100", "train-model", "101", "report", "102"), SlurmExecutor.recorded(dir));

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
        assertEquals(Map.of("phop-T0.900", "100", "train-model", "103", "report", "104"), SlurmExecutor.recorded(dir));
        assertTrue(SlurmExecutor.table(again, false).contains("100*"), "a kept job is marked");

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
        assertEquals(Map.of("phop-T0.900", "100", "train-model", "101"), SlurmExecutor.recorded(dir));
    }

    /** The dry run's submit.sh, run with a stand-in sbatch that prints ids and logs its arguments, submits in order with the dependencies. */
    @Test
    void dryRunScriptSubmitsInOrder(@TempDir Path dir) throws Exception {
        List<SlurmExecutor.Submitted> subs = executor(dir).submit(PLAN, null);
        assertEquals(3, subs.size());
        assertFalse(Files.exists(SlurmExecutor.jobsFile(dir)), "a dry run submits nothing and records no job");
        Path bin = Files.createDirectories(dir.resolve("bin")), log = dir.resolve("sbatch.log");
        Path fake = bin.resolve("sbatch");
        Files.writeString(fake, "#!/bin/bash\nn=$(( $(wc -l < " + log + " 2>/dev/null || echo 0) + 7 ))\necho \"$*\" >> " + log + "\necho \"$n;cluster\"\n");
        fake.toFile().setExecutable(true);
        ProcessBuilder pb = new ProcessBuilder("bash", dir.resolve("slurm").resolve("submit.sh").toString()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process q = pb.start();
        String said = new String(q.getInputStream().readAllBytes());
        assertEquals(0, q.waitFor(), said);
        Path s = dir.resolve("slurm").resolve("scripts");
        assertEquals(List.of("--parsable " + s.resolve("phop-T0.900.sh"), "--parsable --dependency=afterok:7 " + s.resolve("train-model.sh"),
                "--parsable --dependency=afterok:8 " + s.resolve("report.sh")), Files.readAllLines(log));
        assertTrue(said.contains("report: job 9"), said);
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
    }

    /** The executor options are checked before anything runs, one line naming the option. */
    @Test
    void badExecutorOptionsAreUsageErrors(@TempDir Path tmp) {
        String out = tmp.resolve("run").toString();
        Map<List<String>, String> cases = Map.of(
                List.of("--executor", "pbs"), "--executor must be local or slurm, got 'pbs'",
                List.of("--partition", "short"), "--partition needs --executor slurm",
                List.of("--dry-run"), "--dry-run needs --executor slurm",
                List.of("--executor", "slurm", "--time", "tomorrow"), "--time must be a SLURM time limit",
                List.of("--executor", "slurm", "--item", "barriers"), "--item runs one item here; it cannot be combined with --executor slurm",
                List.of("--executor", "slurm", "--sbatch-option", "--dependency=afterok:1"), "sets the jobs' dependencies",
                List.of("--executor", "slurm", "--sbatch-option", "qos"), "--sbatch-option must be one sbatch option starting with '-'",
                List.of("--executor", "slurm", "--cpus-per-task", "0"), "--cpus-per-task must be >= 1",
                List.of("--item", "barriers", "--from", "phop"), "cannot be combined with --from");
        for (var c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("pipeline", "--preset", "smoke", "--out", out, "--quiet"));
            args.addAll(c.getKey());
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, r.code(), c.getKey() + ": " + r.err());
            assertTrue(r.err().contains(c.getValue()), c.getKey() + ": " + r.err());
            assertFalse(Files.exists(tmp.resolve("run").resolve("stages")), c.getKey() + " created the run");
        }
    }
}
