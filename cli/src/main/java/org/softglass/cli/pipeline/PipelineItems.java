package org.softglass.cli.pipeline;

import org.softglass.cli.Errors;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OutputGuard;
import org.softglass.cli.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.io.OutputLock;

/**
 * How a {@link Pipeline}'s items run: each item ({@link PipelineLedger.Item}) is checked against the ledger and
 * skipped, resumed or run ({@link #runItem}); in plan mode ({@link #plan}) it is only listed with the items it needs;
 * in a batch job ({@link #runOnly}) only the one item named runs. Owns the locks of batch items (a whole run refuses
 * a directory whose items are locked by batch jobs, and locks each item while it runs; a batch job refuses a
 * directory a whole run holds) and each stage's progress bar and one-line summary ({@link #begin}, {@link #end}).
 */
final class PipelineItems {
    private final Pipeline pl;
    /** Plan mode ({@link #plan}): the items seen so far, in order; null when running. */
    List<Pipeline.Planned> planned;
    private final Map<String, Path> plannedDirs = new LinkedHashMap<>();
    /** A whole run here: each item's record is locked while the item runs, against batch jobs of the same directory. */
    boolean itemLocking;
    /** A batch job's single item ({@code --item KEY}), or null: every item due. */
    String onlyItem;
    private boolean onlyItemSeen;
    /** The stage now running, counted from 1 ({@link #begin}). */
    int stageIndex;
    private int skipped, ran;
    private long stageStart;

    PipelineItems(Pipeline pl) { this.pl = pl; }

    /** What an item computes into its directory; returns the results its record keeps. */
    interface Work { Map<String, Object> run(Path dir) throws IOException; }

    /** What the item of one temperature computes into its directory. */
    interface TemperatureWork { Map<String, Object> run(double t, Path dir) throws IOException; }

    /** The input files of the item of one temperature. */
    interface Inputs { List<Path> of(double t) throws IOException; }

    /** The walk through every stage of the pipeline, which calls {@link #runItem} for each item. */
    interface Stages { void run() throws IOException; }

    /** Walks {@code stages} in plan mode: every item, in order, with the items it needs and whether it is done; nothing runs. */
    List<Pipeline.Planned> plan(Stages stages) throws IOException {
        planned = new ArrayList<>();
        try {
            stages.run();
            return List.copyOf(planned);
        } finally {
            planned = null;
        }
    }

    /**
     * Walks {@code stages} running only the item {@code key} (a batch job), holding that item's record lock
     * ({@code stages/.KEY.json.lock}), not the directory's, so items run at once.
     *
     * @throws IllegalArgumentException if the walk meets no item {@code key}
     */
    void runOnly(String key, Stages stages) throws IOException {
        onlyItem = key;
        onlyItemSeen = false;
        try (OutputLock lock = OutputLock.file(pl.out.resolve("stages").resolve(key + ".json"), "pipeline --item " + key)) {
            stages.run();
        } catch (ItemDone done) {
            return;   // the item ran (or was up to date): the stages after it are not this job's
        }
        throw new IllegalArgumentException("--item: this run has no item '" + key + "' (see " + pl.out.resolve("slurm") + " or --dry-run)");
    }

    /** Ends a batch job's walk through the stages once its item is done. */
    private static final class ItemDone extends RuntimeException {
        ItemDone() { super(null, null, false, false); }
    }

    /** A stage of one item per temperature of the preset ({@code stage/T…/}), each with {@code params} and its T. */
    void perTemperature(String stage, Map<String, Object> params, Inputs inputs, TemperatureWork work) throws IOException {
        double[] ts = pl.preset.temperatures();
        begin();
        try (Progress bar = bar(stage, ts.length, "T")) {
            for (double t : ts) {
                Path dir = pl.out.resolve(stage).resolve(PipelinePreset.label(t));
                Map<String, Object> p = new LinkedHashMap<>(params);
                p.put("T", t);
                runItem(new PipelineLedger.Item(stage, PipelinePreset.label(t), dir, p,
                        inputs.of(t)), d -> work.run(t, d));
                bar.step();
            }
        }
        end(stage);
    }

    /** Plans, runs (as a batch job's item: only if it is the one), or runs under its record lock (a whole run) one item. */
    void runItem(PipelineLedger.Item it, Work work) throws IOException {
        if (planned != null) {
            plan(it);
            return;
        }
        if (onlyItem != null) {
            if (!onlyItem.equals(it.key())) return;
            onlyItemSeen = true;
            runNow(it, work);
            end(it.stage());
            throw new ItemDone();
        }
        if (!itemLocking) {
            runNow(it, work);
            return;
        }
        try (OutputLock lock = OutputLock.file(pl.ledger.manifestOf(it), "pipeline")) {
            runNow(it, work);
        } catch (OutputLock.HeldException e) {
            throw new PipelineException("item " + it.key() + " is running as a batch job (" + e.getMessage().replaceFirst(";.*", "")
                    + "); wait for the jobs (--status)", ExitCodes.FAILED);
        }
    }

    /** Skips, resumes or runs the item as the ledger decides. */
    private void runNow(PipelineLedger.Item it, Work work) throws IOException {
        for (Path in : it.inputs()) {
            if (onlyItem != null && !Files.isRegularFile(in)) {
                throw new PipelineException("item " + it.key() + " reads " + in + ", which does not exist: the items it needs must be "
                        + "complete first (see --status)", ExitCodes.FAILED);
            }
        }
        PipelineLedger ledger = pl.ledger;
        String fp = ledger.fingerprint(it);
        PipelineLedger.Decision d = ledger.decide(it, fp);
        if (d == PipelineLedger.Decision.SKIP) {
            skipped++;
            return;
        }
        ledger.begin(it, fp);
        long t0 = System.nanoTime();
        Map<String, Object> r = work.run(it.dir());
        ledger.complete(it, fp, (System.nanoTime() - t0) * 1e-9, r);
        ran++;
    }

    /** Adds an item to the plan: it needs the items whose directory holds one of its inputs (the report: all of them). */
    private void plan(PipelineLedger.Item it) throws IOException {
        List<String> after = new ArrayList<>();
        boolean needsDone = true;
        for (Pipeline.Planned p : planned) {
            boolean needed = it.stage().equals("report");
            for (Path in : it.inputs()) needed |= in.toAbsolutePath().normalize().startsWith(plannedDirs.get(p.key()));
            if (needed) {
                after.add(p.key());
                needsDone &= p.upToDate();
            }
        }
        boolean done;
        try {
            done = needsDone && it.inputs().stream().allMatch(Files::isRegularFile) && pl.ledger.upToDate(it, pl.ledger.fingerprint(it));
        } catch (java.nio.file.NoSuchFileException e) {
            done = false;   // an input vanished while it was hashed (a batch job rewriting it): not done
        }
        planned.add(new Pipeline.Planned(it.key(), it.stage(), List.copyOf(after), done));
        plannedDirs.put(it.key(), it.dir().toAbsolutePath().normalize());
    }

    /** A study call of a stage: what it computes, its outputs written by the study. */
    interface StudyCall<T> { T run() throws IOException; }

    /**
     * Runs one study of a stage in-process and returns its result; a failure becomes one line naming the study, its exit code and its message
     * as the command of the same name would report it ({@link Errors#classify}; a failure to write under this run's
     * directory is an output error, as for the command's {@code --out}).
     */
    <T> T call(String name, StudyCall<T> study) {
        try {
            return study.run();
        } catch (PipelineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Errors.Verdict v = Errors.classify(e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e,
                    List.of(new OutputGuard.Location("--out", pl.out, true)));
            throw new PipelineException("softglass " + name + " failed (exit " + v.code() + "): " + Errors.oneLine(v.message()), v.code());
        }
    }

    /** Starts the next stage: its number, its counts of items run and skipped, its clock. */
    void begin() {
        stageIndex++;
        skipped = 0;
        ran = 0;
        stageStart = System.nanoTime();
    }

    /** The stage's summary line ({@code [ k/N] stage  what  seconds}); none when quiet, planning, or in a batch job's other stages. */
    void end(String stage) {
        if (pl.quiet || planned != null || (onlyItem != null && ran + skipped == 0)) return;   // a plan, or a batch item's other stages: no line
        if (onlyItem != null && !onlyItemSeen) return;
        double s = (System.nanoTime() - stageStart) * 1e-9;
        String what = ran == 0 && skipped > 0 ? "up to date, skipped"
                : skipped > 0 ? ran + " item(s) run, " + skipped + " up to date" : ran + " item(s) run";
        pl.log.printf(Locale.ROOT, "[%2d/%d] %-13s %-40s %7.1f s%n", stageIndex, Pipeline.STAGES.size(), stage, what, s);
        pl.log.flush();
    }

    /** The stage's progress bar ({@code total} in {@code unit}); silent when quiet or planning. */
    Progress bar(String stage, long total, String unit) {
        return Progress.of(String.format(Locale.ROOT, "[%2d/%d] %s", stageIndex, Pipeline.STAGES.size(), stage), total, unit, pl.quiet || planned != null);
    }
}
