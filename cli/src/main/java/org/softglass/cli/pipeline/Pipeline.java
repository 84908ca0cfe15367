package org.softglass.cli.pipeline;

import org.softglass.cli.Csv;
import org.softglass.cli.Errors;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OutputGuard;
import org.softglass.cli.Progress;
import org.softglass.cli.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.simulate.Simulation;
import org.softglass.core.minimize.Algorithm;
import org.softglass.study.Species;
import org.softglass.study.quench.QuenchStudy;
import org.softglass.study.shards.ShardMerge;
import org.softglass.study.barriers.BarriersStudy;
import org.softglass.study.barriers.TemperatureSet;
import org.softglass.study.correlate.CorrelationStudy;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.study.dynamics.OverlapStudy;
import org.softglass.study.dynamics.PersistenceStudy;
import org.softglass.study.dynamics.SelfDynamicsStudy;
import org.softglass.study.rearrange.EventsStudy;
import org.softglass.study.rearrange.PhopStudy;
import org.softglass.study.softness.SoftnessStudy;
import org.softglass.study.softness.TrainingStudy;
import org.softglass.study.trap.TrapStudy;
import org.softglass.study.trsp.TrspParameterStudy;
import org.softglass.study.trsp.TrspStudy;
import org.softglass.core.rearrange.TrainsetRun;

/**
 * The whole softness study as a chain of stages, each made of items (usually one per
 * temperature), run by {@code softglass pipeline}:
 *
 * <ol>
 *   <li>{@code simulate}: KA NVT at each T, cooling step-wise (each T starts from the last frame of
 *       the T above); with inherent structures when the preset asks ({@code md/T…/}).</li>
 *   <li>{@code phop}: p_hop and events at each T ({@code phop/T…/}).</li>
 *   <li>{@code train}: a balanced training set at each training T (descriptors of the sampled
 *       rows), pooled into one linear SVM ({@code train/}).</li>
 *   <li>{@code softness}: descriptors and S of every A particle in every frame ({@code softness/T…/};
 *       descriptor matrices are not kept: at paper scale they would be ~100 GB).</li>
 *   <li>{@code barriers}: P(R|S,T), per-bin Arrhenius fits, the onset fit, ⟨S⟩(T), the parameter
 *       file ({@code barriers/}).</li>
 *   <li>{@code correlations}: C_S(r) and ΔS around rearrangements at the lowest T, completing the
 *       parameter file ({@code correlations/model-parameters.json}).</li>
 *   <li>{@code trap}: trap-model Q̄(t), χ4(t) at the MD temperatures and ⟨S⟩(T) ({@code trap/}).</li>
 *   <li>{@code trsp}: TRSP lattice Q(t), χ4(t) and the detailed-balance counts ({@code trsp/}).</li>
 *   <li>{@code observables}: the MD's inherent-state overlap Q(t), χ4(t), S4/ξ4 and block χ4
 *       ({@code overlap}, on {@code traj(T)}), the p_hop persistence (its own quantity, not Q), and
 *       F_s / τ_α ({@code observables/T…/}).</li>
 *   <li>{@code report}: {@code report/index.html}, figures, {@code summary.json}.</li>
 * </ol>
 *
 * Each item is recorded by {@link PipelineLedger}: unchanged items are skipped on a rerun, an
 * interrupted item resumes (MD from its checkpoint), and {@code --from STAGE} reruns a stage and all
 * after it. The study layer ({@code org.softglass.study}) does the work, called in-process with typed requests; the
 * results come back as values (a refused onset fit, refused kicks, frames that did not converge), and each study's own
 * manifest sits next to its outputs, as the command of the same name writes it.
 *
 * <p><b>Which trajectory.</b> Every structure and p_hop stage of a temperature uses one file,
 * {@code traj(T)}: the inherent-structure trajectory {@code md/T…/is.dump} when the preset makes inherent
 * structures, else the thermal {@code md/T…/traj.dump}. p_hop, events, the training set's features,
 * the descriptors and softness all record that file's SHA-256
 * ({@link org.softglass.core.io.TrajectoryRef}), and trainset, barriers and correlations refuse a
 * companion recorded for another file; the IS and thermal trajectories of one run are different files
 * even though their frames and ids agree. Only F_s/MSD ({@code observables}) uses the thermal
 * trajectory, and it takes no companion product; the MD overlap ({@code observables}) uses {@code traj(T)}.
 */
public final class Pipeline {
    static final List<String> STAGES = List.of("simulate", "phop", "train", "softness", "barriers", "correlations", "trap",
            "trsp", "observables", "report");

    /** The event threshold p_L (σ²) of the {@code phop} stage: the {@code events} command's default. */
    static final double P_L = 0.05;

    final PipelinePreset preset;
    final Path out;
    final int threads;
    final long seed;
    final boolean quiet;
    final PrintWriter log;
    final PipelineLedger ledger;
    /** The user's trajectories of {@code softglass study}, or null when the pipeline makes its own by MD. */
    final StudyInputs study;
    /** For a study configuration that makes its own MD ({@code simulate}): {config, config_sha256}; null for a preset. */
    Map<String, Object> config;
    int stageIndex;
    /** The stages, each on this pipeline's items and paths. */
    final PipelineShards shards = new PipelineShards(this);
    private final PipelineMd md = new PipelineMd(this);
    private final PipelineAnalysis analysis = new PipelineAnalysis(this);
    private final PipelineModels models = new PipelineModels(this);

    Pipeline(PipelinePreset preset, Path out, int threads, long seed, boolean quiet, PrintWriter log) throws IOException {
        this(preset, null, out, threads, seed, quiet, log);
    }

    /**
     * A pipeline on the user's trajectories ({@code softglass study}): the {@code simulate} stage is
     * replaced by {@code study}'s files, every later stage runs as for a preset.
     */
    Pipeline(PipelinePreset preset, StudyInputs study, Path out, int threads, long seed, boolean quiet, PrintWriter log) throws IOException {
        this.preset = preset;
        this.study = study;
        this.out = out;
        this.threads = threads;
        this.seed = seed;
        this.quiet = quiet;
        this.log = log;
        Files.createDirectories(out);
        this.ledger = new PipelineLedger(out, Version.get(), threads, line -> {
            log.println("softglass: " + line);
            log.flush();
        });
    }

    PipelineLedger ledger() { return ledger; }

    /**
     * Frame blocks of the inherent-structure quench ({@code --quench-shards K}): 0 (the default) quenches every frame
     * inside the MD item, beside the MD; K &gt; 0 makes the MD item write the thermal trajectory only, then K items each
     * quench a block of its frames ({@code softglass quench --frames A:B}) and one item joins them
     * ({@code softglass quench-merge}) into {@code md/T…-is/is.dump}, byte for byte what one {@code quench} of the whole
     * trajectory writes. The shards are items of the {@code simulate} stage ({@code simulate-T…-q0}, …, {@code simulate-T…-is});
     * with {@code --executor slurm} they run on other nodes while the MD chain goes on. The inherent structures then
     * come from the dumped frames (read back exactly: {@code Double.toString} in the dump), not from the MD's memory,
     * so they can differ from the inline ones in the last digits. Modifies and returns this pipeline.
     */
    Pipeline quenchShards(int k) {
        if (k < 0) throw new IllegalArgumentException("--quench-shards must be >= 0, got " + k);
        if (k > 0 && (study != null ? study.quench() == null : !preset.inherent())) {
            throw new IllegalArgumentException("--quench-shards splits the quench of the pipeline's own MD, or of a study's thermal frames (its "
                    + "'quench' block); " + (study != null ? "this study quenches nothing" : "preset " + preset.name() + " makes no inherent structures"));
        }
        this.quenchShards = k;
        return this;
    }

    int quenchShards;

    /**
     * Frame blocks of the softness stage ({@code --softness-shards K}): 0 (the default) makes one item per temperature;
     * K &gt; 0 makes K items per temperature, each computing the descriptors and S of a block of frames
     * ({@code softglass softness MODEL TRAJ --frames A:B}, items {@code softness-T…-s0}, …), and one item
     * ({@code softness-T…}) that joins them ({@code softglass softness-merge}) into {@code softness/T…}, byte for byte
     * what the single item writes (a row's descriptors and S depend on its frame only), so nothing downstream changes.
     * Works for any run (a study's own trajectories too). Modifies and returns this pipeline.
     */
    Pipeline softnessShards(int k) {
        if (k < 0) throw new IllegalArgumentException("--softness-shards must be >= 0, got " + k);
        this.softnessShards = k;
        return this;
    }

    int softnessShards;

    /**
     * Names the study configuration a {@code simulate} study came from, so the manifest, the summary and the report's
     * rerun line point at it instead of a preset. Modifies and returns this pipeline.
     */
    Pipeline fromConfig(Path file) throws IOException {
        this.config = Csv.map("config", file.toAbsolutePath().toString(), "config_sha256", org.softglass.core.io.Manifest.sha256(file));
        return this;
    }

    /**
     * Checks the options against {@code out} before anything is created: {@code from} must name a
     * stage, and a directory whose {@code pipeline.json} records another thread count is refused
     * unless {@code from} is {@code simulate} (every item's fingerprint holds the thread count, so
     * going on would silently recompute, and wipe, an interrupted MD run).
     *
     * @throws IllegalArgumentException naming the option and what was expected
     */
    static void checkOptions(Path out, String from, int threads) { checkOptions(out, from, threads, 0); }

    /** As {@link #checkOptions(Path, String, int)}, and the same for {@code --quench-shards} (absent from a record: 0). */
    static void checkOptions(Path out, String from, int threads, int quenchShards) {
        if (from != null && !STAGES.contains(from)) {
            throw new IllegalArgumentException("--from must be one of " + String.join(", ", STAGES) + ", got '" + from + "'");
        }
        PipelineRecord r = PipelineRecord.of(out);
        if (r == PipelineRecord.NONE) return;   // no record, or an unreadable one (rewritten): the stage fingerprints decide
        int recorded = r.quenchShards();
        if (recorded != quenchShards && !STAGES.get(0).equals(from)) {
            throw new IllegalArgumentException(out + " holds a pipeline run with --quench-shards " + recorded + "; this command has --quench-shards "
                    + quenchShards + " (rerun with --quench-shards " + recorded + ", or add --from " + STAGES.get(0) + " to redo the MD and quench that way)");
        }
        if (r.threads() != null && r.threads() != threads && !STAGES.get(0).equals(from)) {
            throw new IllegalArgumentException(out + " holds a pipeline run with --threads " + r.threads() + "; this command has --threads " + threads
                    + " (rerun with --threads " + r.threads() + ", or add --from " + STAGES.get(0) + " to recompute every stage with " + threads + ")");
        }
    }

    /**
     * Runs every stage from {@code from} (null: all, skipping what is up to date). Refused while a batch job of
     * {@code --executor slurm} runs an item here (it holds {@code stages/.KEY.json.lock}); each item is locked while it
     * runs, so a batch job started meanwhile refuses it.
     */
    void run(String from) throws IOException {
        for (Path l : itemLocks()) {
            try (org.softglass.core.io.OutputLock lock = org.softglass.core.io.OutputLock.file(l, "pipeline")) {
                // free: a finished or killed item's lock file
            } catch (org.softglass.core.io.OutputLock.HeldException e) {
                throw new IllegalArgumentException("--out: " + out + " has batch jobs running (" + e.getMessage().replaceFirst(";.*", "")
                        + "); wait for them (--status) or cancel them before running the pipeline here");
            }
        }
        invalidateFrom(from);
        ledger.removeTemporaryFiles();
        writeManifest();
        itemLocking = true;
        stages();
    }

    /** The record paths whose lock files exist in {@code stages/} ({@code .KEY.json.lock} → {@code KEY.json}). */
    private List<Path> itemLocks() throws IOException {
        Path st = out.resolve("stages");
        if (!Files.isDirectory(st)) return List.of();
        try (var l = Files.list(st)) {
            return l.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".") && n.endsWith(".json.lock")).sorted()
                    .map(n -> st.resolve(n.substring(1, n.length() - ".lock".length()))).toList();
        }
    }

    /**
     * One item of the plan ({@link #plan}).
     *
     * @param key the ledger key ({@code stage-item}, e.g. {@code phop-T0.900}), which {@code --item} names
     * @param after the keys of the earlier items whose outputs it reads (an input under their directory; the report
     *     reads them all)
     * @param upToDate whether the item, and every item it needs, is complete with unchanged inputs and outputs
     */
    public record Planned(String key, String stage, List<String> after, boolean upToDate) {}

    /** Plan mode ({@link #plan}): the items seen so far, in order; null when running. */
    List<Planned> planned;
    /** A whole run here: each item's record is locked while the item runs, against batch jobs of the same directory. */
    private boolean itemLocking;
    /** A batch job's single item ({@code --item KEY}), or null: every item due. */
    String onlyItem;
    private boolean onlyItemSeen;

    /**
     * Every item of this pipeline in the order a local run takes them, each with the items it needs and whether it is
     * already done; nothing runs. Written: the invalidation of {@code from}'s stages and {@code pipeline.json} (what the
     * batch jobs start from, also those of a dry run's {@code submit.sh}).
     *
     * @param from rerun this stage and all after it (null: none)
     */
    List<Planned> plan(String from) throws IOException {
        invalidateFrom(from);
        writeManifest();
        planned = new ArrayList<>();
        try {
            stages();
            return List.copyOf(planned);
        } finally {
            planned = null;
        }
    }

    /**
     * Runs the one item {@code key} of the plan (a batch job of {@code --executor slurm}): the items it needs must be
     * complete. Locks that item's record ({@code stages/.KEY.json.lock}), not the directory, so items run at once.
     *
     * @throws IllegalArgumentException if this pipeline has no item {@code key}
     */
    void runItem(String key) throws IOException {
        checkNoWholeRun("pipeline --item " + key);
        onlyItem = key;
        onlyItemSeen = false;
        try (org.softglass.core.io.OutputLock lock = org.softglass.core.io.OutputLock.file(out.resolve("stages").resolve(key + ".json"),
                "pipeline --item " + key)) {
            stages();
        } catch (ItemDone done) {
            return;   // the item ran (or was up to date): the stages after it are not this job's
        }
        throw new IllegalArgumentException("--item: this run has no item '" + key + "' (see " + out.resolve("slurm") + " or --dry-run)");
    }

    /** Ends a batch job's walk through the stages once its item is done. */
    private static final class ItemDone extends RuntimeException {
        ItemDone() { super(null, null, false, false); }
    }

    /**
     * Refuses when a whole pipeline run here holds the directory (the lock is taken and released at once: batch items
     * and the submission do not hold it, so they run side by side).
     *
     * @param what the command, for the lock's holder
     */
    void checkNoWholeRun(String what) throws IOException {
        try (org.softglass.core.io.OutputLock whole = org.softglass.core.io.OutputLock.directory(out, what)) {
            // free
        } catch (org.softglass.core.io.OutputLock.HeldException e) {
            throw new IllegalArgumentException("--out: " + e.getMessage().replaceFirst(";.*", "") + ": a whole pipeline run is using it");
        }
    }

    private void invalidateFrom(String from) throws IOException {
        if (from == null) return;
        checkStage(from);
        ledger.invalidate(STAGES.subList(STAGES.indexOf(from), STAGES.size()));
    }

    private static void checkStage(String from) {
        if (!STAGES.contains(from)) throw new IllegalArgumentException("--from must be one of " + String.join(", ", STAGES) + ", got '" + from + "'");
    }

    private void writeManifest() throws IOException {
        Map<String, Object> man = new LinkedHashMap<>(study != null ? study.settings(preset) : preset.asMap());
        man.put("seed", seed);
        man.put("threads", threads);
        if (quenchShards > 0) man.put("quench_shards", quenchShards);
        if (softnessShards > 0) man.put("softness_shards", softnessShards);
        if (study != null) man.put("study", study.asMap());
        if (config != null) man.put("study_config", config);
        org.softglass.core.io.Manifest m = new org.softglass.core.io.Manifest(Version.get(), "pipeline");
        man.forEach(m::param);
        m.write(out.resolve("pipeline.json"));
    }

    private void stages() throws IOException {
        stageIndex = 0;
        md.simulate();
        analysis.phop();
        analysis.train();
        analysis.softness();
        analysis.barriers();
        analysis.correlations();
        models.models();
        models.observables();
        models.report();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    // --- machinery ----------------------------------------------------------------------------

    interface Work { Map<String, Object> run(Path dir) throws IOException; }

    interface TemperatureWork { Map<String, Object> run(double t, Path dir) throws IOException; }

    interface Inputs { List<Path> of(double t) throws IOException; }

    void perTemperature(String stage, Map<String, Object> params, Inputs inputs, TemperatureWork work) throws IOException {
        double[] ts = preset.temperatures();
        begin();
        try (Progress bar = bar(stage, ts.length, "T")) {
            for (double t : ts) {
                Path dir = out.resolve(stage).resolve(PipelinePreset.label(t));
                Map<String, Object> p = new LinkedHashMap<>(params);
                p.put("T", t);
                runItem(new PipelineLedger.Item(stage, PipelinePreset.label(t), dir, p,
                        inputs.of(t)), d -> work.run(t, d));
                bar.step();
            }
        }
        end(stage);
    }

    private int skipped, ran;
    private long stageStart;

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
        try (org.softglass.core.io.OutputLock lock = org.softglass.core.io.OutputLock.file(ledger.manifestOf(it), "pipeline")) {
            runNow(it, work);
        } catch (org.softglass.core.io.OutputLock.HeldException e) {
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
        for (Planned p : planned) {
            boolean needed = it.stage().equals("report");
            for (Path in : it.inputs()) needed |= in.toAbsolutePath().normalize().startsWith(dirOf(p));
            if (needed) {
                after.add(p.key());
                needsDone &= p.upToDate();
            }
        }
        boolean done;
        try {
            done = needsDone && it.inputs().stream().allMatch(Files::isRegularFile) && ledger.upToDate(it, ledger.fingerprint(it));
        } catch (java.nio.file.NoSuchFileException e) {
            done = false;   // an input vanished while it was hashed (a batch job rewriting it): not done
        }
        planned.add(new Planned(it.key(), it.stage(), List.copyOf(after), done));
        plannedDirs.put(it.key(), it.dir().toAbsolutePath().normalize());
    }

    private final Map<String, Path> plannedDirs = new LinkedHashMap<>();

    private Path dirOf(Planned p) { return plannedDirs.get(p.key()); }

    void begin() {
        stageIndex++;
        skipped = 0;
        ran = 0;
        stageStart = System.nanoTime();
    }

    void end(String stage) {
        if (quiet || planned != null || (onlyItem != null && ran + skipped == 0)) return;   // a plan, or a batch item's other stages: no line
        if (onlyItem != null && !onlyItemSeen) return;
        double s = (System.nanoTime() - stageStart) * 1e-9;
        String what = ran == 0 && skipped > 0 ? "up to date, skipped"
                : skipped > 0 ? ran + " item(s) run, " + skipped + " up to date" : ran + " item(s) run";
        log.printf(Locale.ROOT, "[%2d/%d] %-13s %-40s %7.1f s%n", stageIndex, STAGES.size(), stage, what, s);
        log.flush();
    }

    Progress bar(String stage, long total, String unit) {
        return Progress.of(String.format(Locale.ROOT, "[%2d/%d] %s", stageIndex, STAGES.size(), stage), total, unit, quiet || planned != null);
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
                    List.of(new OutputGuard.Location("--out", out, true)));
            throw new PipelineException("softglass " + name + " failed (exit " + v.code() + "): " + Errors.oneLine(v.message()), v.code());
        }
    }

    /** The context of the studies the stages call: this run's threads and version, no progress bars (the stage has its own). */
    org.softglass.study.StudyContext context() { return org.softglass.study.StudyContext.of(threads, Version.get()); }

    /** A failed stage: its message names the study (as the command of the same name) and its own one-line error. */
    static final class PipelineException extends IllegalStateException {
        final int exitCode;
        PipelineException(String msg, int exitCode) { super(msg); this.exitCode = exitCode; }
    }

    /** The thermal trajectory (F_s, τ_α): the MD's, or the study's. */
    Path thermal(double t) {
        return study != null ? study.thermal(t) : out.resolve("md").resolve(PipelinePreset.label(t)).resolve("traj.dump");
    }

    /** The trajectory the structure analysis uses: inherent structures when the preset makes them; the study's own file (or its quench). */
    Path traj(double t) {
        if (study != null && study.quench() != null) return out.resolve("md").resolve(PipelinePreset.label(t)).resolve("is.dump");
        if (study != null) return study.structure(t);
        if (preset.inherent() && quenchShards > 0) return out.resolve("md").resolve(PipelinePreset.label(t) + "-is").resolve("is.dump");
        return out.resolve("md").resolve(PipelinePreset.label(t)).resolve(preset.inherent() ? "is.dump" : "traj.dump");
    }


    Path model() { return out.resolve("train").resolve("model").resolve("model.json"); }

    /** The final parameter file: the correlation stage's (with C_S, σ_Δ, ρ_Δ). */
    Path parameters() { return out.resolve("correlations").resolve("model-parameters.json"); }



    double lowest() { return Arrays.stream(preset.temperatures()).min().orElseThrow(); }



    static String num(double v) { return Double.toString(v); }
}
