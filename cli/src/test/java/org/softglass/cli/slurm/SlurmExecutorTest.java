package org.softglass.cli.slurm;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softglass.cli.slurm.SlurmFixtures.FakeSlurm;

import static org.softglass.cli.slurm.SlurmFixtures.PLAN;
import static org.softglass.cli.slurm.SlurmFixtures.SHARDED;
import static org.softglass.cli.slurm.SlurmFixtures.executor;
import static org.softglass.cli.slurm.SlurmFixtures.runSubmitSh;

/**
 * {@link SlurmExecutor} against a SLURM stand-in that records submissions: which items become jobs, after which jobs,
 * what a resubmission keeps, reuses and submits again, the dry run's {@code submit.sh} (run with a stand-in
 * {@code sbatch} on PATH), and the status table. The real SLURM run is {@code validation/slurm/one-node-smoke.sh}.
 */
public class SlurmExecutorTest {
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
}
