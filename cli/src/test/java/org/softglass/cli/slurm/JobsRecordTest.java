package org.softglass.cli.slurm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JobsRecord}: {@code jobs.json} read back as {@link JobsRecord#write} wrote it, in the items' order. */
class JobsRecordTest {
    @TempDir Path dir;

    @Test
    void readsWhatItWrote() throws IOException {
        assertEquals(Map.of(), JobsRecord.jobs(dir));
        Map<String, String> jobs = new LinkedHashMap<>();
        jobs.put("simulate-T0.450", "101");
        jobs.put("phop-T0.450", "102");
        jobs.put("report", "103");
        Files.createDirectories(JobsRecord.file(dir).getParent());
        JobsRecord.write(dir, jobs, Map.of("simulate-T0.450", "a".repeat(64), "phop-T0.450", "b".repeat(64)));
        assertEquals(jobs, JobsRecord.jobs(dir));
        assertEquals(List.copyOf(jobs.keySet()), List.copyOf(JobsRecord.jobs(dir).keySet()));
        Map<String, String> scripts = JobsRecord.scripts(dir);
        assertEquals("a".repeat(64), scripts.get("simulate-T0.450"));
        assertEquals("", scripts.get("report"), "no script recorded");
    }

    @Test
    void aBrokenRecordIsRefusedNamingIt() throws IOException {
        Files.createDirectories(JobsRecord.file(dir).getParent());
        Files.writeString(JobsRecord.file(dir), "{not json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JobsRecord.jobs(dir));
        assertTrue(e.getMessage().startsWith(JobsRecord.file(dir) + ": not a softglass jobs record ("), e.getMessage());
        assertEquals(Map.of(), JobsRecord.scripts(dir));
    }
}
