package org.softglass.cli.slurm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.softglass.cli.pipeline.Pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SLURM stand-in, plans and executor shared by the SLURM executor tests. */
final class SlurmFixtures {
    private SlurmFixtures() {}

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
    static final List<Pipeline.Planned> PLAN = List.of(
            new Pipeline.Planned("simulate-T0.900", "simulate", List.of(), true),
            new Pipeline.Planned("phop-T0.900", "phop", List.of("simulate-T0.900"), false),
            new Pipeline.Planned("train-model", "train", List.of("phop-T0.900"), false),
            new Pipeline.Planned("report", "report", List.of("simulate-T0.900", "train-model"), false));

    static SlurmExecutor executor(Path dir) {
        return new SlurmExecutor(dir, new SlurmExecutor.Settings("short", "phys", "1-00:00:00", 4, List.of("--qos=low", "--mem=2G")),
                List.of("/opt/java/bin/java", "-cp", "/opt/sg.jar", "org.softglass.cli.Main", "pipeline", "--preset", "smoke", "--out", dir.toString()));
    }

    /** Runs the dry run's submit.sh with a stand-in sbatch that logs its arguments to DIR/sbatch.log and answers ids 7, 8, …; returns its output. */
    static String runSubmitSh(Path dir) throws Exception {
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
    static final List<Pipeline.Planned> SHARDED = List.of(
            new Pipeline.Planned("train-model", "train", List.of(), true),
            new Pipeline.Planned("softness-T0.900-s0", "softness", List.of("train-model"), false),
            new Pipeline.Planned("softness-T0.900-s1", "softness", List.of("train-model"), false),
            new Pipeline.Planned("softness-T0.900-s2", "softness", List.of("train-model"), false),
            new Pipeline.Planned("softness-T0.900", "softness", List.of("softness-T0.900-s0", "softness-T0.900-s1", "softness-T0.900-s2"), false));
}
