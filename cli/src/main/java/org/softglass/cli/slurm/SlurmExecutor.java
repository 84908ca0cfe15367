package org.softglass.cli.slurm;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.cli.pipeline.Pipeline;
import org.softglass.core.io.AtomicOutput;

/**
 * {@code --executor slurm}: every item of the pipeline's plan ({@link Pipeline#plan}) that is not already done becomes
 * one batch job, {@code softglass pipeline|study … --item KEY}, submitted with {@code sbatch} and
 * {@code --dependency=afterok:} on the jobs of the items it reads; the frame-block shards of one temperature
 * ({@link ShardArrays}) are the tasks of one job array instead, task i running item {@code GROUP<i>} as job
 * {@code ID_i}. So the MD chain runs temperature after temperature
 * (each T starts from the last frame of the T above), and the p_hop, training, softness and observables items of a
 * temperature start as soon as its MD is done, in parallel with the rest of the chain.
 *
 * <p>Files, under {@code DIR/slurm/}: {@code scripts/KEY.sh} ({@link JobScripts}; {@code scripts/GROUP.sh} for an array),
 * {@code logs/KEY-JOBID.out}, {@code jobs.json} ({@link JobsRecord}: item → job id, the record {@code --status} and a
 * resubmission read) and, for {@code --dry-run}, {@code submit.sh} ({@link SubmitScript}), which submits the scripts in order
 * with their dependencies.
 *
 * <p>Resubmitting is rerunning the same command: items complete in the ledger are skipped; an item whose recorded job
 * is still queued or running keeps that job (its dependants wait on it) when its script is unchanged and no item it
 * reads got a new job in this pass — otherwise that job is cancelled and replaced, so no job runs an old script or
 * starts before a resubmitted item it reads; everything else — a failed or cancelled job, and the jobs SLURM cancelled
 * because an item they needed failed ({@code --kill-on-invalid-dep=yes}) — is submitted anew. An item interrupted
 * mid-way resumes from its checkpoint, as locally. A recorded job of an item no longer in the plan (a shard of a run
 * with more shards) is cancelled when still queued or running, and forgotten. The submission locks
 * {@code jobs.json}, so two submissions of one directory do not interleave.
 *
 * <p>Every job runs with the submitting command's {@code --threads} (part of each item's fingerprint, so the outputs
 * are byte-identical to a local run with that thread count) and {@code --cpus-per-task} CPUs (default: the same).
 */
public final class SlurmExecutor {
    /** The options of every batch job. {@code extra}: sbatch options passed through as given. */
    record Settings(String partition, String account, String time, int cpusPerTask, List<String> extra) {}

    /** One submitted (or dry-run) item. {@code job}: its id, or null in a dry run; {@code reused}: still queued from before. */
    record Submitted(String key, String job, List<String> after, boolean reused) {}

    private final Path dir, slurmDir;
    private final JobScripts scripts;

    /**
     * @param dir the run directory ({@code --out})
     * @param command the batch jobs' command line without {@code --item KEY}: the Java launcher ({@link #javaCommand})
     *     followed by the softglass arguments, with absolute paths
     */
    public SlurmExecutor(Path dir, Settings settings, List<String> command) {
        this.dir = dir.toAbsolutePath().normalize();
        this.slurmDir = this.dir.resolve("slurm");
        this.scripts = new JobScripts(this.dir, settings, command);
    }

    /**
     * Writes the scripts of the items not yet done and submits them in plan order, each after the jobs of the items it
     * reads; with {@code slurm} null (a dry run) writes {@code submit.sh} instead and submits nothing.
     *
     * @return one entry per item that is not done, in plan order
     */
    public List<Submitted> submit(List<Pipeline.Planned> plan, Slurm slurm) throws IOException {
        Files.createDirectories(slurmDir.resolve("scripts"));
        Files.createDirectories(slurmDir.resolve("logs"));
        try (org.softglass.core.io.OutputLock lock = org.softglass.core.io.OutputLock.file(JobsRecord.file(dir), "--executor slurm")) {
            return submitLocked(plan, slurm);
        }
    }

    private List<Submitted> submitLocked(List<Pipeline.Planned> plan, Slurm slurm) throws IOException {
        Map<String, String> known = JobsRecord.jobs(dir);
        Map<String, String> knownScripts = JobsRecord.scripts(dir);
        java.util.Set<String> fresh = new java.util.HashSet<>();
        Map<String, String> states = slurm == null ? Map.of() : slurm.states(new ArrayList<>(known.values()));
        Map<String, String> jobOf = new LinkedHashMap<>();
        List<Submitted> done = new ArrayList<>();
        SubmitScript sh = slurm == null ? new SubmitScript(JobsRecord.file(dir)) : null;
        if (slurm != null) forgetOthers(plan, slurm, known, knownScripts, states);
        try {
            for (int at = 0; at < plan.size(); at++) {
                Pipeline.Planned p = plan.get(at);
                if (p.upToDate()) continue;
                // the due shards of one group (consecutive in the plan, reading the same items): one job array
                String shardOf = ShardArrays.group(p.key());
                List<Pipeline.Planned> members = new ArrayList<>(List.of(p));
                while (shardOf != null && at + 1 < plan.size() && shardOf.equals(ShardArrays.group(plan.get(at + 1).key()))
                        && plan.get(at + 1).after().equals(p.after())) {
                    if (!plan.get(++at).upToDate()) members.add(plan.get(at));
                }
                // a group of one shard is a plain job
                String group = shardOf != null && plan.stream().anyMatch(q -> q != p && shardOf.equals(ShardArrays.group(q.key()))) ? shardOf : null;
                String name = group != null ? group : p.key();
                Path script = slurmDir.resolve("scripts").resolve(name + ".sh");
                byte[] text = (group != null ? scripts.arrayScript(group) : scripts.script(p.key())).getBytes(StandardCharsets.UTF_8);
                AtomicOutput.write(script, o -> o.write(text));
                String sha = org.softglass.core.io.Manifest.sha256(text);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                List<String> after = p.after().stream().filter(jobOf::containsKey).toList();
                List<String> afterJobs = after.stream().map(jobOf::get).toList();
                if (slurm == null) {
                    sh.add(name, group, members, script, sha, after);
                    for (Pipeline.Planned q : members) {
                        jobOf.put(q.key(), "");
                        done.add(new Submitted(q.key(), null, after, false));
                    }
                    continue;
                }
                List<Pipeline.Planned> due = new ArrayList<>();
                for (Pipeline.Planned q : members) {
                    String old = known.get(q.key());
                    if (old != null && Slurm.active(states.get(old))) {
                        if (sha.equals(knownScripts.get(q.key())) && after.stream().noneMatch(fresh::contains)) {
                            jobOf.put(q.key(), old);
                            done.add(new Submitted(q.key(), old, after, true));
                            continue;
                        }
                        slurm.cancel(old);   // an old script, or an item it reads was resubmitted: replaced
                    }
                    due.add(q);
                }
                if (due.isEmpty()) continue;
                String job = group != null ? slurm.submitArray(script, afterJobs, due.stream().map(q -> ShardArrays.task(q.key())).toList())
                        : slurm.submit(script, afterJobs);
                for (Pipeline.Planned q : due) {
                    String id = group != null ? job + "_" + ShardArrays.task(q.key()) : job;
                    fresh.add(q.key());
                    jobOf.put(q.key(), id);
                    known.put(q.key(), id);
                    knownScripts.put(q.key(), sha);
                    done.add(new Submitted(q.key(), id, after, false));
                }
            }
        } finally {
            if (slurm != null) JobsRecord.write(dir, known, knownScripts);   // what was submitted before a refusal stays known
        }
        if (slurm == null) sh.write(slurmDir.resolve("submit.sh"));
        return done;
    }

    /**
     * Items of another layout (a run with more shards): their queued jobs would only redo forgotten work, so a recorded job
     * of an item not in {@code plan} is cancelled when still queued or running, and forgotten.
     */
    private static void forgetOthers(List<Pipeline.Planned> plan, Slurm slurm, Map<String, String> known, Map<String, String> knownScripts,
                                     Map<String, String> states) throws IOException {
        java.util.Set<String> keys = new java.util.HashSet<>();
        plan.forEach(p -> keys.add(p.key()));
        for (String k : new ArrayList<>(known.keySet())) {
            if (keys.contains(k)) continue;
            if (Slurm.active(states.get(known.get(k)))) slurm.cancel(known.get(k));
            known.remove(k);
            knownScripts.remove(k);
        }
    }

    /** A table of what was submitted, for the terminal. */
    static String table(List<Submitted> subs, boolean dryRun) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s %10s  %s%n", "item", "job", "after"));
        for (Submitted s : subs) {
            b.append(String.format(Locale.ROOT, "%-24s %10s  %s%n", s.key(), dryRun ? "-" : s.job() + (s.reused() ? "*" : ""),
                    s.after().isEmpty() ? "" : String.join(", ", s.after())));
        }
        return b.toString();
    }

    /** Prints the submission's closing lines. */
    public static void report(PrintWriter err, List<Submitted> subs, Path dir, boolean dryRun) {
        err.print(table(subs, dryRun));
        Path s = dir.resolve("slurm");
        if (dryRun) {
            err.println("softglass: dry run: batch scripts of " + subs.size() + " item(s) in " + s.resolve("scripts") + "; submit them with " + s.resolve("submit.sh"));
        } else {
            long reused = subs.stream().filter(Submitted::reused).count();
            err.println("softglass: " + (subs.size() - reused) + " job(s) submitted" + (reused > 0 ? ", " + reused + " still queued from before (*)" : "")
                    + (subs.isEmpty() ? " (every item is done)" : "") + "; logs in " + s.resolve("logs") + "; follow them with --status");
        }
        err.flush();
    }
}
