package org.softglass.cli.slurm;

import org.softglass.cli.Csv;
import org.softglass.cli.Main;
import org.softglass.cli.pipeline.Pipeline;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.io.AtomicOutput;

/**
 * {@code --executor slurm}: every item of the pipeline's plan ({@link Pipeline#plan}) that is not already done becomes
 * one batch job, {@code softglass pipeline|study … --item KEY}, submitted with {@code sbatch} and
 * {@code --dependency=afterok:} on the jobs of the items it reads; the frame-block shards of one temperature
 * ({@link #arrayGroup}) are the tasks of one job array instead, task i running item {@code GROUP<i>} as job
 * {@code ID_i}. So the MD chain runs temperature after temperature
 * (each T starts from the last frame of the T above), and the p_hop, training, softness and observables items of a
 * temperature start as soon as its MD is done, in parallel with the rest of the chain.
 *
 * <p>Files, under {@code DIR/slurm/}: {@code scripts/KEY.sh} (self-contained: its {@code #SBATCH} lines carry the
 * options; {@code scripts/GROUP.sh} for an array), {@code logs/KEY-JOBID.out}, {@code jobs.json} (item → job id, the
 * record {@code --status} and a resubmission read) and, for {@code --dry-run}, {@code submit.sh}, which submits the scripts in order with their dependencies.
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir, slurmDir;
    private final Settings settings;
    private final List<String> command;

    /**
     * @param dir the run directory ({@code --out})
     * @param command the batch jobs' command line without {@code --item KEY}: the Java launcher ({@link #javaCommand})
     *     followed by the softglass arguments, with absolute paths
     */
    public SlurmExecutor(Path dir, Settings settings, List<String> command) {
        this.dir = dir.toAbsolutePath().normalize();
        this.slurmDir = this.dir.resolve("slurm");
        this.settings = settings;
        this.command = List.copyOf(command);
    }

    /** {@code DIR/slurm/jobs.json}. */
    public static Path jobsFile(Path dir) { return dir.resolve("slurm").resolve("jobs.json"); }

    /**
     * Writes the scripts of the items not yet done and submits them in plan order, each after the jobs of the items it
     * reads; with {@code slurm} null (a dry run) writes {@code submit.sh} instead and submits nothing.
     *
     * @return one entry per item that is not done, in plan order
     */
    public List<Submitted> submit(List<Pipeline.Planned> plan, Slurm slurm) throws IOException {
        Files.createDirectories(slurmDir.resolve("scripts"));
        Files.createDirectories(slurmDir.resolve("logs"));
        try (org.softglass.core.io.OutputLock lock = org.softglass.core.io.OutputLock.file(jobsFile(dir), "--executor slurm")) {
            return submitLocked(plan, slurm);
        }
    }

    private List<Submitted> submitLocked(List<Pipeline.Planned> plan, Slurm slurm) throws IOException {
        Map<String, String> known = recorded(dir);
        Map<String, String> knownScripts = recordedScripts(dir);
        java.util.Set<String> fresh = new java.util.HashSet<>();
        Map<String, String> states = slurm == null ? Map.of() : slurm.states(new ArrayList<>(known.values()));
        Map<String, String> jobOf = new LinkedHashMap<>();
        List<String> jobsJson = new ArrayList<>();
        List<Submitted> done = new ArrayList<>();
        // submit.sh: after each submission, record() rewrites the jobs record (--status and a later submission read it) with every
        // job so far, so it is right also when a submission is refused
        StringBuilder sh = new StringBuilder("#!/bin/bash\n# Submits the softglass items in order (written by --dry-run); each job waits for the "
                + "items it reads.\nset -euo pipefail\nrecord() {\n  echo '{\"schema\": \"softglass.slurm-jobs/1\", \"jobs\": {'\"$1\"'}}' > "
                + quote(jobsFile(dir).toString()) + "\n}\n");
        if (slurm != null) {   // items of another layout (a run with more shards): their queued jobs would only redo forgotten work
            java.util.Set<String> keys = new java.util.HashSet<>();
            plan.forEach(p -> keys.add(p.key()));
            for (String k : new ArrayList<>(known.keySet())) {
                if (keys.contains(k)) continue;
                if (Slurm.active(states.get(known.get(k)))) slurm.cancel(known.get(k));
                known.remove(k);
                knownScripts.remove(k);
            }
        }
        try {
            for (int at = 0; at < plan.size(); at++) {
                Pipeline.Planned p = plan.get(at);
                if (p.upToDate()) continue;
                // the due shards of one group (consecutive in the plan, reading the same items): one job array
                String shardOf = arrayGroup(p.key());
                List<Pipeline.Planned> members = new ArrayList<>(List.of(p));
                while (shardOf != null && at + 1 < plan.size() && shardOf.equals(arrayGroup(plan.get(at + 1).key()))
                        && plan.get(at + 1).after().equals(p.after())) {
                    if (!plan.get(++at).upToDate()) members.add(plan.get(at));
                }
                // a group of one shard is a plain job
                String group = shardOf != null && plan.stream().anyMatch(q -> q != p && shardOf.equals(arrayGroup(q.key()))) ? shardOf : null;
                String name = group != null ? group : p.key();
                Path script = slurmDir.resolve("scripts").resolve(name + ".sh");
                byte[] text = (group != null ? arrayScript(group) : script(p.key())).getBytes(StandardCharsets.UTF_8);
                AtomicOutput.write(script, o -> o.write(text));
                String sha = org.softglass.core.io.Manifest.sha256(text);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
                List<String> after = p.after().stream().filter(jobOf::containsKey).toList();
                List<String> afterJobs = after.stream().map(jobOf::get).toList();
                if (slurm == null) {
                    String var = var(name);
                    sh.append(var).append("=$(sbatch --parsable");
                    if (group != null) sh.append(" --array=").append(taskList(members));
                    if (!after.isEmpty()) {
                        sh.append(" --dependency=afterok");
                        for (String a : after) sh.append(":${").append(var(a)).append("%%;*}");
                    }
                    sh.append(' ').append(quote(script.toString())).append(")\n");
                    for (Pipeline.Planned q : members) {
                        if (group != null) sh.append(var(q.key())).append("=\"${").append(var).append("%%;*}_").append(arrayTask(q.key())).append("\"\n");
                        sh.append("echo \"").append(q.key()).append(": job ${").append(var(q.key())).append("%%;*}\"\n");
                        jobsJson.add("\"" + q.key() + "\": {\"job\": \"'\"${" + var(q.key()) + "%%;*}\"'\", \"script_sha256\": \"" + sha + "\"}");
                        jobOf.put(q.key(), "");
                        done.add(new Submitted(q.key(), null, after, false));
                    }
                    sh.append("record '").append(String.join(", ", jobsJson)).append("'\n");
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
                String job = group != null ? slurm.submitArray(script, afterJobs, due.stream().map(q -> arrayTask(q.key())).toList())
                        : slurm.submit(script, afterJobs);
                for (Pipeline.Planned q : due) {
                    String id = group != null ? job + "_" + arrayTask(q.key()) : job;
                    fresh.add(q.key());
                    jobOf.put(q.key(), id);
                    known.put(q.key(), id);
                    knownScripts.put(q.key(), sha);
                    done.add(new Submitted(q.key(), id, after, false));
                }
            }
        } finally {
            if (slurm != null) record(known, knownScripts);   // what was submitted before a refusal stays known
        }
        if (slurm == null) {
            Path f = slurmDir.resolve("submit.sh");
            AtomicOutput.write(f, o -> o.write(sh.toString().getBytes(StandardCharsets.UTF_8)));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return done;
    }

    /**
     * The job array a shard item belongs to: its key without the shard number for the frame blocks of one temperature's
     * quench ({@code simulate-T…-q<i>}) or softness ({@code softness-T…-s<i>}); null for any other item. The array's
     * task i runs item {@code group + i}.
     */
    static String arrayGroup(String key) {
        java.util.regex.Matcher m = SHARD.matcher(key);
        return m.matches() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern SHARD = java.util.regex.Pattern.compile("((?:simulate|softness)-T[0-9.]+-[qs])(\\d+)");

    /** The array task number of a shard item ({@link #arrayGroup}). */
    static int arrayTask(String key) {
        java.util.regex.Matcher m = SHARD.matcher(key);
        if (!m.matches()) throw new IllegalArgumentException("not a shard item: " + key);
        return Integer.parseInt(m.group(2));
    }

    /** sbatch's {@code --array} list of the members' tasks, e.g. {@code 0,1,3}. */
    private static String taskList(List<Pipeline.Planned> members) {
        return String.join(",", members.stream().map(q -> Integer.toString(arrayTask(q.key()))).toList());
    }

    /** The batch script of item {@code key}. */
    String script(String key) {
        return script("sg-" + key, key + "-%j.out", quote(key), "item " + key);
    }

    /** The batch script of the job array of shard group {@code group}: task i runs item {@code group + i}. */
    String arrayScript(String group) {
        return script("sg-" + group, group + "%a-%A_%a.out", quote(group) + "\"$SLURM_ARRAY_TASK_ID\"", "items " + group + "<array task>");
    }

    private String script(String jobName, String log, String item, String what) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("#SBATCH --job-name=").append(jobName).append('\n');
        s.append("#SBATCH --output=").append(slurmDir.resolve("logs").resolve(log)).append('\n');
        s.append("#SBATCH --cpus-per-task=").append(settings.cpusPerTask()).append('\n');
        s.append("#SBATCH --ntasks=1\n#SBATCH --kill-on-invalid-dep=yes\n");
        if (settings.partition() != null) s.append("#SBATCH --partition=").append(settings.partition()).append('\n');
        if (settings.account() != null) s.append("#SBATCH --account=").append(settings.account()).append('\n');
        if (settings.time() != null) s.append("#SBATCH --time=").append(settings.time()).append('\n');
        for (String o : settings.extra()) s.append("#SBATCH ").append(o).append('\n');
        s.append("# softglass ").append(what).append(" of ").append(dir).append(" (written by --executor slurm; rerun that command to resubmit)\n");
        s.append("export OPENBLAS_NUM_THREADS=1\n");
        s.append("exec");
        for (String a : command) s.append(' ').append(quote(a));
        s.append(" --item ").append(item).append('\n');
        return s.toString();
    }

    /** The Java launcher of this process: its {@code java}, the JVM options softglass needs, the class path and main class. */
    public static List<String> javaCommand() {
        String launcher = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> c = new ArrayList<>(List.of(launcher));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // the module and memory options, and system properties (e.g. -Dsoftglass.simd=false: the jobs must compute as this process)
            if (a.startsWith("--add-modules") || a.startsWith("--enable-native-access") || a.startsWith("-Xmx") || a.startsWith("-Xss")
                    || a.startsWith("-XX:+Use") || (a.startsWith("-D") && !a.startsWith("-Djdk.") && !a.startsWith("-Djava."))) c.add(a);
        }
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) cp.add(Path.of(e).toAbsolutePath().normalize().toString());
        }
        c.addAll(List.of("-cp", String.join(File.pathSeparator, cp), Main.class.getName()));
        return c;
    }

    /** Item → job id from {@code DIR/slurm/jobs.json} (empty when there is none). */
    public static Map<String, String> recorded(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = jobsFile(dir);
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

    /** Item → SHA-256 of the script its recorded job runs (absent for a record without it). */
    static Map<String, String> recordedScripts(Path dir) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Path f = jobsFile(dir);
        if (!Files.isRegularFile(f)) return m;
        try {
            JSON.readTree(f.toFile()).path("jobs").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().path("script_sha256").asText("")));
        } catch (IOException e) {
            // refused with its message by recorded()
        }
        return m;
    }

    private void record(Map<String, String> jobs, Map<String, String> scripts) throws IOException {
        Map<String, Object> j = new LinkedHashMap<>();
        jobs.forEach((k, v) -> j.put(k, Csv.map("job", v, "script_sha256", scripts.get(k))));
        Csv.json(jobsFile(dir), Csv.map("schema", "softglass.slurm-jobs/1", "jobs", j));
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

    private static String var(String key) { return "J_" + key.replaceAll("[^A-Za-z0-9]", "_"); }

    /** Single-quoted for bash. */
    static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

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
