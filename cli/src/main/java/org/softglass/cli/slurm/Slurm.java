package org.softglass.cli.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the slurm executor asks of SLURM: submit a batch script after other jobs, and the state of jobs. The real one
 * runs {@code sbatch}, {@code squeue} and {@code sacct} ({@link #commands()}); tests pass their own.
 */
public interface Slurm {
    /**
     * Submits a batch script ({@code sbatch --parsable [--dependency=afterok:A:B] SCRIPT}).
     *
     * @param after job ids the job waits for (afterok); empty: none
     * @return the job id
     * @throws IOException with sbatch's own message when it refuses
     */
    String submit(Path script, List<String> after) throws IOException;

    /**
     * Submits a batch script as a job array ({@code sbatch --parsable --array=0,2,3 [--dependency=afterok:A:B] SCRIPT}).
     *
     * @param tasks the array's task ids
     * @return the array's job id; task i is job {@code ID_i}
     * @throws IOException with sbatch's own message when it refuses
     */
    String submitArray(Path script, List<String> after, List<Integer> tasks) throws IOException;

    /**
     * The state of each job SLURM still knows (PENDING, RUNNING, COMPLETED, FAILED, ...) among {@code ids}: from
     * {@code squeue}, and from {@code sacct} where accounting is on (jobs that left the queue); a job neither knows is
     * absent.
     */
    Map<String, String> states(List<String> ids) throws IOException;

    /** Cancels a job ({@code scancel}); nothing when it has already ended. */
    void cancel(String id) throws IOException;

    /** States of a job that is queued or running: it is not submitted again. */
    static boolean active(String state) {
        return state != null && List.of("PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED", "RESIZING", "REQUEUE_HOLD",
                "REQUEUE_FED", "STOPPED", "SIGNALING", "STAGE_OUT", "RESV_DEL_HOLD", "SPECIAL_EXIT").contains(state);
    }

    /** SLURM through its commands on {@code PATH}. */
    static Slurm commands() { return commands(""); }

    /**
     * SLURM through its commands, each named {@code prefix + name} (e.g. a folder of stand-ins in tests).
     *
     * <p>States: {@code sacct} first where accounting is on (final states of jobs that left the queue), then
     * {@code squeue -r --me} (one line per array task), which alone decides whether a job is queued or running: a job sacct still calls running but
     * squeue no longer lists counts as ended ({@code GONE}).
     */
    static Slurm commands(String prefix) {
        return new Slurm() {
            @Override
            public String submit(Path script, List<String> after) throws IOException {
                return sbatch(script, after, List.of());
            }

            @Override
            public String submitArray(Path script, List<String> after, List<Integer> tasks) throws IOException {
                if (tasks.isEmpty()) throw new IllegalArgumentException("an array needs tasks");
                return sbatch(script, after, List.of("--array=" + String.join(",", tasks.stream().map(String::valueOf).toList())));
            }

            private String sbatch(Path script, List<String> after, List<String> options) throws IOException {
                List<String> cmd = new ArrayList<>(List.of(prefix + "sbatch", "--parsable"));
                cmd.addAll(options);
                if (!after.isEmpty()) cmd.add("--dependency=afterok:" + String.join(":", after));
                cmd.add(script.toString());
                Result r = run(cmd);
                if (r.code != 0 || !r.out.strip().matches("\\d+(_\\d+)?(;.*)?")) {
                    throw new IOException("sbatch refused " + script.getFileName() + ": " + firstLine(r.err.isBlank() ? r.out : r.err));
                }
                return r.out.strip().split(";")[0];
            }

            @Override
            public Map<String, String> states(List<String> ids) throws IOException {
                Map<String, String> s = new LinkedHashMap<>();
                if (ids.isEmpty()) return s;
                try {
                    Result acct = run(List.of(prefix + "sacct", "-n", "-X", "-P", "-o", "JobID,State", "-j", String.join(",", ids)));
                    if (acct.code == 0) parse(acct.out, s);   // accounting off: sacct fails, squeue alone then
                } catch (IOException e) {
                    // no sacct: squeue alone
                }
                Result q = run(List.of(prefix + "squeue", "-h", "-r", "--me", "-o", "%i|%T"));
                if (q.code != 0) throw new IOException("squeue failed: " + firstLine(q.err.isBlank() ? q.out : q.err));
                Map<String, String> queued = new LinkedHashMap<>();
                parse(q.out, queued);
                for (String id : ids) {
                    if (queued.containsKey(id)) s.put(id, queued.get(id));
                    else if (active(s.get(id))) s.put(id, "GONE");
                }
                s.keySet().retainAll(ids);
                return s;
            }

            @Override
            public void cancel(String id) throws IOException {
                Result r = run(List.of(prefix + "scancel", id));
                if (r.code != 0) throw new IOException("scancel " + id + " failed: " + firstLine(r.err));
            }

            private static void parse(String text, Map<String, String> into) {
                for (String line : text.split("\n")) {
                    String[] f = line.strip().split("\\|");
                    if (f.length >= 2) into.put(f[0], f[1].split(" ")[0]);   // "CANCELLED by 0" -> CANCELLED
                }
            }
        };
    }

    /** A finished command's exit code and output. */
    public record Result(int code, String out, String err) {}

    /** Runs a SLURM command (60 s at most). @throws IOException naming the command when it is missing or hangs */
    static Result run(List<String> cmd) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new IOException(Path.of(cmd.get(0)).getFileName() + " not found on PATH: --executor slurm runs where SLURM's commands are "
                    + "(a login node); --dry-run writes the scripts without them");
        }
        try {
            var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " did not answer within 60 s");
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(cmd.get(0) + " interrupted");
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
