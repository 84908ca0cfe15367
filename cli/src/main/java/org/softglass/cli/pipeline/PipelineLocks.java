package org.softglass.cli.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.softglass.core.io.OutputLock;

/**
 * The checks that keep a whole pipeline run and the batch jobs of {@code --executor slurm} apart in one run directory
 * {@code out}: a batch job's item holds its record's lock {@code stages/.KEY.json.lock}, a whole run holds the
 * directory's lock. Each check takes a lock and releases it at once; nothing is held after it (the item locks
 * themselves are taken by {@link PipelineItems}).
 */
final class PipelineLocks {
    private PipelineLocks() {}

    /**
     * Refuses while a batch job of {@code --executor slurm} runs an item here (it holds {@code stages/.KEY.json.lock}):
     * each lock file is taken and released at once.
     */
    static void checkNoBatchJobs(Path out) throws IOException {
        for (Path l : itemLocks(out)) {
            try (OutputLock lock = OutputLock.file(l, "pipeline")) {
                // free: a finished or killed item's lock file
            } catch (OutputLock.HeldException e) {
                throw new IllegalArgumentException("--out: " + out + " has batch jobs running (" + e.getMessage().replaceFirst(";.*", "")
                        + "); wait for them (--status) or cancel them before running the pipeline here");
            }
        }
    }

    /** The record paths whose lock files exist in {@code stages/} ({@code .KEY.json.lock} → {@code KEY.json}). */
    private static List<Path> itemLocks(Path out) throws IOException {
        Path st = out.resolve("stages");
        if (!Files.isDirectory(st)) return List.of();
        try (var l = Files.list(st)) {
            return l.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".json.lock")).sorted()
                    .map(n -> st.resolve(n.substring(1, n.length() - ".lock".length()))).toList();
        }
    }

    /**
     * Refuses when a whole pipeline run here holds the directory (the lock is taken and released at once: batch items
     * and the submission do not hold it, so they run side by side).
     *
     * @param what the command, for the lock's holder
     */
    static void checkNoWholeRun(Path out, String what) throws IOException {
        try (OutputLock whole = OutputLock.directory(out, what)) {
            // free
        } catch (OutputLock.HeldException e) {
            throw new IllegalArgumentException("--out: " + e.getMessage().replaceFirst(";.*", "") + ": a whole pipeline run is using it");
        }
    }
}
