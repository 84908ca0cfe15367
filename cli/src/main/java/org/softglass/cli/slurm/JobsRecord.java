package org.softglass.cli.slurm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.cli.Csv;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;

/**
 * {@code DIR/slurm/jobs.json} ({@code softglass.slurm-jobs/1}): item → the id of its job and the SHA-256 of the script it
 * runs. {@code --status} and a resubmission read it; a submission rewrites it after every pass (the dry run's
 * {@code submit.sh} after every job).
 */
public final class JobsRecord {
    private JobsRecord() {}

    /** The file as bound: its {@code jobs} (the schema field is not checked, as before). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record File(@JsonProperty("jobs") Map<String, Job> jobs) {
        File {
            jobs = jobs == null ? Map.of() : jobs;
        }
    }

    /**
     * One item's entry.
     *
     * @param job the SLURM job id; "" when missing
     * @param scriptSha256 the SHA-256 of the script the job runs; "" when missing (an older record)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Job(@JsonProperty("job") String job, @JsonProperty("script_sha256") String scriptSha256) {
        Job {
            job = job == null ? "" : job;
            scriptSha256 = scriptSha256 == null ? "" : scriptSha256;
        }
    }

    /** {@code DIR/slurm/jobs.json}. */
    public static Path file(Path dir) { return dir.resolve("slurm").resolve("jobs.json"); }

    /**
     * Item → job id (empty when there is no record).
     *
     * @throws IllegalArgumentException a file that is not such a record
     */
    public static Map<String, String> jobs(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = file(dir);
        if (!Files.isRegularFile(f)) return m;
        File j;
        try {
            j = JsonFile.read(f, File.class);
        } catch (InputFormatException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new IllegalArgumentException(f + ": not a softglass jobs record (" + Slurm.firstLine(String.valueOf(why)) + ")");
        }
        j.jobs().forEach((k, v) -> m.put(k, v.job()));
        return m;
    }

    /** Item → SHA-256 of the script its recorded job runs (empty for a record without it). */
    static Map<String, String> scripts(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = file(dir);
        if (!Files.isRegularFile(f)) return m;
        try {
            JsonFile.read(f, File.class).jobs().forEach((k, v) -> m.put(k, v.scriptSha256()));
        } catch (InputFormatException e) {
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
