package org.softglass.cli.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Where {@code pipeline} and {@code study} run their items: {@code --executor local} (this process, the default) or
 * {@code --executor slurm} (one batch job per item, {@link SlurmExecutor}), the batch jobs' {@code sbatch} options,
 * and {@code --item KEY}, the one item a batch job runs. A picocli mixin.
 */
public final class ExecutorOptions {
    @Option(names = "--executor", defaultValue = "local", paramLabel = "local|slurm", converter = Executor.Converter.class,
            description = "local: this process runs every stage (default); slurm: every item (one MD temperature, one p_hop temperature, ...) "
                    + "becomes a batch job submitted with sbatch, with --dependency=afterok on the items it reads (the frame blocks of one temperature: "
                    + "the tasks of one job array); scripts and logs in DIR/slurm/. "
                    + "Rerun the same command to resubmit what failed; finished items are never redone.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    Executor executor;

    @Option(names = "--dry-run", description = "With --executor slurm: write the batch scripts and DIR/slurm/submit.sh, submit nothing.")
    public boolean dryRun;

    @Option(names = "--partition", paramLabel = "NAME", description = "With --executor slurm: sbatch --partition.")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "With --executor slurm: sbatch --account.")
    String account;

    @Option(names = "--time", paramLabel = "LIMIT", description = "With --executor slurm: sbatch --time of every job (e.g. 90, 4:00:00, 1-12:00:00).")
    String time;

    @Option(names = "--cpus-per-task", paramLabel = "N", description = "With --executor slurm: sbatch --cpus-per-task (default: --threads).")
    Integer cpusPerTask;

    @Option(names = "--sbatch-option", paramLabel = "OPT", description = "With --executor slurm: one more sbatch option for every job, as "
            + "sbatch takes it (repeatable; e.g. --sbatch-option=--qos=short --sbatch-option=--mem=4G).")
    List<String> sbatchOptions = new ArrayList<>();

    @Option(names = "--quench-shards", paramLabel = "K", defaultValue = "0",
            description = "Quench each temperature's frames in K blocks, each an item of its own (with --executor slurm: the tasks of one job "
                    + "array, on any node while the MD chain goes on), joined byte for byte (quench-merge) into DIR/md/T...-is/is.dump (a study's "
                    + "'quench' block: DIR/md/T.../is.dump); 0 (default): quench inside the MD item (a study: one item per temperature).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    public int quenchShards;

    @Option(names = "--softness-shards", paramLabel = "K", defaultValue = "0",
            description = "Compute each temperature's descriptors and softness in K frame blocks, each an item of its own (with --executor slurm: "
                    + "K jobs of one array), joined byte for byte (softness-merge) into DIR/softness/T...; 0 (default): one item per temperature.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    public int softnessShards;

    @Option(names = "--item", paramLabel = "KEY", description = "Run only this item (e.g. phop-T0.900; what the slurm executor's batch jobs "
            + "run); the items it reads must be complete. Keys: the names of DIR/stages/*.json, or --executor slurm --dry-run.")
    public String item;

    /** SLURM's time formats: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS, or UNLIMITED. */
    private static final Pattern TIME = Pattern.compile("\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}|(?i:unlimited|infinite)");

    public boolean slurm() { return executor == Executor.SLURM; }

    /**
     * Checks the options against each other and their formats.
     *
     * @throws IllegalArgumentException naming the option and what was expected
     */
    public void check() {
        if (!slurm()) {
            for (var o : List.of(new Object[] {"--dry-run", dryRun ? true : null}, new Object[] {"--partition", partition},
                    new Object[] {"--account", account}, new Object[] {"--time", time}, new Object[] {"--cpus-per-task", cpusPerTask},
                    new Object[] {"--sbatch-option", sbatchOptions.isEmpty() ? null : sbatchOptions})) {
                if (o[1] != null) throw new IllegalArgumentException(o[0] + " needs --executor slurm");
            }
        }
        if (slurm() && item != null) throw new IllegalArgumentException("--item runs one item here; it cannot be combined with --executor slurm");
        if (item != null && !item.matches("[a-z]+(-[A-Za-z0-9.]+)*")) {
            throw new IllegalArgumentException("--item must be an item key such as phop-T0.900 or barriers, got '" + item + "'");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time must be a SLURM time limit (minutes, HH:MM:SS or D-HH:MM:SS), got '" + time + "'");
        }
        if (quenchShards < 0) throw new IllegalArgumentException("--quench-shards must be >= 0, got " + quenchShards);
        if (softnessShards < 0) throw new IllegalArgumentException("--softness-shards must be >= 0, got " + softnessShards);
        if (cpusPerTask != null && cpusPerTask < 1) throw new IllegalArgumentException("--cpus-per-task must be >= 1, got " + cpusPerTask);
        for (String n : new String[] {partition, account}) {
            if (n != null && !n.matches("[A-Za-z0-9_.,+-]+")) {
                throw new IllegalArgumentException((n == partition ? "--partition" : "--account") + " must be a SLURM name (letters, digits, _ . , + -), got '" + n + "'");
            }
        }
        for (String o : sbatchOptions) {
            if (!o.startsWith("-") || o.contains("\n") || o.contains("\r")) {
                throw new IllegalArgumentException("--sbatch-option must be one sbatch option starting with '-' on one line, got '" + o + "'");
            }
            for (String own : List.of("--dependency", "-d", "--output", "-o", "--error", "-e", "--array", "-a", "--kill-on-invalid-dep", "--parsable",
                    "--job-name", "-J", "--cpus-per-task", "-c")) {
                if (o.equals(own) || o.startsWith(own + "=") || (own.length() == 2 && o.startsWith(own))) {
                    throw new IllegalArgumentException("--sbatch-option " + o + ": the slurm executor sets the jobs' dependencies, outputs, names, "
                            + "arrays and CPUs itself (--cpus-per-task is an option of its own)");
                }
            }
        }
    }

    /** The batch jobs' settings, with {@code threads} as the default CPUs per task. */
    public SlurmExecutor.Settings settings(int threads) {
        return new SlurmExecutor.Settings(partition, account, time, cpusPerTask != null ? cpusPerTask : threads, List.copyOf(sbatchOptions));
    }
}
