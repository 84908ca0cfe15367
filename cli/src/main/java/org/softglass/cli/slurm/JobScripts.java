package org.softglass.cli.slurm;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softglass.cli.Main;

/**
 * The batch scripts of {@code --executor slurm} ({@code DIR/slurm/scripts/KEY.sh}, {@code GROUP.sh} for a job array):
 * self-contained, their {@code #SBATCH} lines carry the options of {@link SlurmExecutor.Settings}, the log goes to
 * {@code DIR/slurm/logs/KEY-JOBID.out}, and the body {@code exec}s the softglass command line with {@code --item KEY}.
 */
public final class JobScripts {
    private final Path dir, slurmDir;
    private final SlurmExecutor.Settings settings;
    private final List<String> command;

    /**
     * @param dir     the absolute run directory
     * @param command the jobs' command line without {@code --item KEY} ({@link #javaCommand} and the softglass arguments)
     */
    JobScripts(Path dir, SlurmExecutor.Settings settings, List<String> command) {
        this.dir = dir;
        this.slurmDir = dir.resolve("slurm");
        this.settings = settings;
        this.command = List.copyOf(command);
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

    /** Single-quoted for bash. */
    static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }
}
