package org.softglass.cli.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.softglass.cli.pipeline.Pipeline;
import org.softglass.core.io.AtomicOutput;

/**
 * {@code DIR/slurm/submit.sh} of a dry run: submits the batch scripts in plan order, each with
 * {@code --dependency=afterok:} on the jobs of the items it reads, and after each submission rewrites the jobs record
 * ({@link JobsRecord}) with every job so far, so it is right also when a submission is refused.
 */
final class SubmitScript {
    private final StringBuilder sh;
    private final List<String> jobsJson = new ArrayList<>();

    /** @param jobsFile the jobs record the script writes */
    SubmitScript(Path jobsFile) {
        sh = new StringBuilder("#!/bin/bash\n# Submits the softglass items in order (written by --dry-run); each job waits for the "
                + "items it reads.\nset -euo pipefail\nrecord() {\n  echo '{\"schema\": \"softglass.slurm-jobs/1\", \"jobs\": {'\"$1\"'}}' > "
                + JobScripts.quote(jobsFile.toString()) + "\n}\n");
    }

    /**
     * Appends the submission of one script: a plain job ({@code group} null, one member) or the job array of shard group
     * {@code group} with the members' tasks.
     *
     * @param name    the script's name (the item's key or the group)
     * @param members the items the script runs
     * @param sha     the script's SHA-256
     * @param after   the items whose jobs it waits for (submitted before in this script)
     */
    void add(String name, String group, List<Pipeline.Planned> members, Path script, String sha, List<String> after) {
        String var = var(name);
        sh.append(var).append("=$(sbatch --parsable");
        if (group != null) sh.append(" --array=").append(ShardArrays.taskList(members));
        if (!after.isEmpty()) {
            sh.append(" --dependency=afterok");
            for (String a : after) sh.append(":${").append(var(a)).append("%%;*}");
        }
        sh.append(' ').append(JobScripts.quote(script.toString())).append(")\n");
        for (Pipeline.Planned q : members) {
            if (group != null) sh.append(var(q.key())).append("=\"${").append(var).append("%%;*}_").append(ShardArrays.task(q.key())).append("\"\n");
            sh.append("echo \"").append(q.key()).append(": job ${").append(var(q.key())).append("%%;*}\"\n");
            jobsJson.add("\"" + q.key() + "\": {\"job\": \"'\"${" + var(q.key()) + "%%;*}\"'\", \"script_sha256\": \"" + sha + "\"}");
        }
        sh.append("record '").append(String.join(", ", jobsJson)).append("'\n");
    }

    /** Writes the script (atomically, executable). */
    void write(Path f) throws IOException {
        AtomicOutput.write(f, o -> o.write(sh.toString().getBytes(StandardCharsets.UTF_8)));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The shell variable holding the job id of item (or group) {@code key}. */
    private static String var(String key) { return "J_" + key.replaceAll("[^A-Za-z0-9]", "_"); }
}
