package org.softglass.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code softglass pipeline --status} (and {@code study --status}): what a run directory's ledger records, read
 * without running anything and while the run goes on. One line per stage of {@link Pipeline#STAGES}: items
 * complete and running, their wall time, and for a running MD item its progress (the last production step in
 * {@code md/T…/thermo.csv.part}, whose rows count production steps, against the production length). An item a
 * killed run left unfinished also shows as running.
 */
final class PipelineStatus {
    private PipelineStatus() {}

    /** The status table of run directory {@code dir}. @throws IllegalArgumentException if it holds no pipeline run */
    static String of(Path dir) throws IOException {
        Path stages = dir.resolve("stages");
        if (!Files.isDirectory(stages)) {
            throw new IllegalArgumentException("--status: " + dir + " holds no pipeline or study run (no stages/ folder)");
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, List<JsonNode>> byStage = new LinkedHashMap<>();
        for (String s : Pipeline.STAGES) byStage.put(s, new ArrayList<>());
        List<Path> files;
        try (Stream<Path> l = Files.list(stages)) {
            files = l.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String stage = name.replaceFirst("(-.*)?\\.json$", "");
            if (byStage.containsKey(stage)) {
                try {
                    byStage.get(stage).add(json.readTree(f.toFile()));
                } catch (IOException e) {
                    // a record being rewritten: counted at the next look
                }
            }
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-13s %8s %8s %10s  %s%n", "stage", "complete", "running", "seconds", "now"));
        double total = 0;
        for (var e : byStage.entrySet()) {
            int done = 0, running = 0;
            double seconds = 0;
            List<String> now = new ArrayList<>();
            for (JsonNode m : e.getValue()) {
                String status = m.path("status").asText();
                if (status.equals("complete")) {
                    done++;
                    seconds += m.path("seconds").asDouble(0);
                } else {
                    running++;
                    now.add(progress(dir, m));
                }
            }
            total += seconds;
            out.append(String.format(Locale.ROOT, "%-13s %8d %8d %10.1f  %s%n", e.getKey(), done, running, seconds,
                    e.getValue().isEmpty() ? "not started" : String.join("; ", now)));
        }
        out.append(String.format(Locale.ROOT, "%-13s %8s %8s %10.1f%n", "total", "", "", total));
        return out.toString();
    }

    /** "ITEM" or, for a running MD item, "ITEM: step S of E+P". */
    private static String progress(Path dir, JsonNode m) {
        String item = m.path("command").asText().replaceFirst("^pipeline ", "");
        JsonNode p = m.path("parameters");
        if (!item.startsWith("simulate-") || !p.has("steps")) return item + " running";
        Path thermo = dir.resolve("md").resolve(item.substring("simulate-".length())).resolve("thermo.csv.part");
        long total = p.path("steps").asLong(0);   // thermo rows count production steps
        try (Stream<String> lines = Files.isRegularFile(thermo) ? Files.lines(thermo) : Stream.empty()) {
            String last = lines.reduce((a, b) -> b).orElse(null);
            if (last == null || !Character.isDigit(last.charAt(0))) {
                return item + ": melting or equilibrating (no production thermo rows yet; " + total + " production steps to run)";
            }
            return item + ": production step " + last.substring(0, last.indexOf(',')) + " of " + total;
        } catch (IOException | RuntimeException e) {
            return item + " running";
        }
    }
}
