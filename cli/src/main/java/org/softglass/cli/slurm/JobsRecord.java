package org.softglass.cli.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.cli.Csv;

/**
 * {@code DIR/slurm/jobs.json} ({@code softglass.slurm-jobs/1}): item → the id of its job and the SHA-256 of the script it
 * runs. {@code --status} and a resubmission read it; a submission rewrites it after every pass (the dry run's
 * {@code submit.sh} after every job).
 */
final class JobsRecord {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JobsRecord() {}

    /** {@code DIR/slurm/jobs.json}. */
    static Path file(Path dir) { return dir.resolve("slurm").resolve("jobs.json"); }

    /**
     * Item → job id (empty when there is no record).
     *
     * @throws IllegalArgumentException a file that is not such a record
     */
    static Map<String, String> jobs(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = file(dir);
        if (!Files.isRegularFile(f)) return m;
        JsonNode j;
        try {
            j = JSON.readTree(f.toFile()).path("jobs");
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": not a softglass jobs record (" + Slurm.firstLine(String.valueOf(e.getMessage())) + ")");
        }
        j.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().path("job").asText()));
        return m;
    }

    /** Item → SHA-256 of the script its recorded job runs (empty for a record without it). */
    static Map<String, String> scripts(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = file(dir);
        if (!Files.isRegularFile(f)) return m;
        try {
            JSON.readTree(f.toFile()).path("jobs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().path("script_sha256").asText("")));
        } catch (IOException e) {
            // refused with its message by jobs()
        }
        return m;
    }

    /** Writes the record of {@code jobs} (item → job id) with their scripts' SHA-256. */
    static void write(Path dir, Map<String, String> jobs, Map<String, String> scripts) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        jobs.forEach((k, v) -> j.put(k, Csv.map("job", v, "script_sha256", scripts.get(k))));
        Csv.json(file(dir), Csv.map("schema", "softglass.slurm-jobs/1", "jobs", j));
    }
}
