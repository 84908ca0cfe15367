package org.softglass.cli.pipeline;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers of the pipeline tests: an interrupted child run, the stage records, the stage lines of a log, summary fields. */
final class PipelineRuns {
    static final ObjectMapper JSON = new ObjectMapper();

    private PipelineRuns() {}

    /** Starts the pipeline in a child JVM and kills it once the stage item's manifest says complete. */
    static void interruptAfter(Path out, String item) throws IOException, InterruptedException {
        interruptAfter(out, item, "pipeline", "--preset", "smoke");
    }

    /**
     * Runs {@code softglass ARGS --out OUT --threads 2 --quiet} in a child JVM and kills it (SIGKILL) as soon as the
     * ledger records {@code item} complete: a real interruption, as a cluster's time limit or a crash gives.
     */
    static void interruptAfter(Path out, String item, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "org.softglass.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--out", out.toString(), "--threads", "2", "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.getParent().resolve("child.log").toFile());
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        Path m = out.resolve("stages").resolve(item + ".json");
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) fail("pipeline ended before it could be interrupted: " + Files.readString(out.getParent().resolve("child.log")));
            if (Files.isRegularFile(m) && Files.readString(m).contains("\"status\" : \"complete\"")) {
                p.destroyForcibly().waitFor();
                return;
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        fail("no " + item + " within 300 s");
    }

    /** The status of each stage record whose name starts with one of {@code prefixes}. */
    static Map<String, String> statuses(Path out, String... prefixes) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        try (var l = Files.list(out.resolve("stages"))) {
            for (Path f : l.sorted().toList()) {
                String n = f.getFileName().toString();
                for (String p : prefixes) if (n.startsWith(p) && n.endsWith(".json")) m.put(n, JSON.readTree(f.toFile()).get("status").asText());
            }
        }
        return m;
    }

    /** The "created" stamp of every stage manifest whose name starts with one of the prefixes. */
    static Map<String, String> created(Path out, String... prefixes) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        File[] fs = out.resolve("stages").toFile().listFiles();
        java.util.Arrays.sort(fs);
        for (File f : fs) {
            for (String p : prefixes) {
                if (f.getName().startsWith(p)) {
                    m.put(f.getName(), JSON.readTree(f).get("created").asText());
                    break;
                }
            }
        }
        return m;
    }

    static String line(String log, String stage) {
        return log.lines().filter(l -> l.matches("\\[\\s*\\d+/10\\] " + stage + "\\s.*")).findFirst().orElse("(no line for " + stage + ")");
    }

    /** The nodes a path like "comparison/ * /tau_Q_trap" names (a "*" segment = every element). */
    static List<JsonNode> select(JsonNode root, String path) {
        List<JsonNode> cur = List.of(root);
        for (String seg : path.split("/")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : cur) {
                if (seg.equals("*")) n.forEach(next::add);
                else if (n.isArray()) next.add(n.get(Integer.parseInt(seg)));
                else next.add(n.get(seg));
            }
            cur = next;
        }
        for (JsonNode n : cur) if (n == null) fail("summary field missing: " + path);
        if (cur.isEmpty()) fail("summary field empty: " + path);
        return cur;
    }
}
