package org.softglass.cli;

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
final class Pipeline {
    static final List<String> STAGES = List.of("simulate", "phop", "train", "softness", "barriers", "correlations", "trap",
            "trsp", "observables", "report");

    /** The event threshold p_L (σ²) of the {@code phop} stage: the {@code events} command's default. */
    private static final double P_L = 0.05;

    private final PipelinePreset preset;
    private final Path out;
    private final int threads;
    private final long seed;
    private final boolean quiet;
    private final PrintWriter log;
    private final PipelineLedger ledger;
    /** The user's trajectories of {@code softglass study}, or null when the pipeline makes its own by MD. */
    private final StudyInputs study;
    /** For a study configuration that makes its own MD ({@code simulate}): {config, config_sha256}; null for a preset. */
    private Map<String, Object> config;
    private int stageIndex;

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

    private int quenchShards;

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

    private int softnessShards;

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
        Path pj = out.resolve("pipeline.json");
        if (!Files.isRegularFile(pj)) return;
        com.fasterxml.jackson.databind.JsonNode t, q;
        try {
            var params = JSON.readTree(pj.toFile()).path("parameters");
            t = params.path("threads");
            q = params.path("quench_shards");
        } catch (IOException e) {
            return;   // an unreadable record is rewritten; the stage fingerprints still decide
        }
        int recorded = q.isInt() ? q.asInt() : 0;
        if (recorded != quenchShards && !STAGES.get(0).equals(from)) {
            throw new IllegalArgumentException(out + " holds a pipeline run with --quench-shards " + recorded + "; this command has --quench-shards "
                    + quenchShards + " (rerun with --quench-shards " + recorded + ", or add --from " + STAGES.get(0) + " to redo the MD and quench that way)");
        }
        if (t.isInt() && t.asInt() != threads && !STAGES.get(0).equals(from)) {
            throw new IllegalArgumentException(out + " holds a pipeline run with --threads " + t.asInt() + "; this command has --threads " + threads
                    + " (rerun with --threads " + t.asInt() + ", or add --from " + STAGES.get(0) + " to recompute every stage with " + threads + ")");
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
    record Planned(String key, String stage, List<String> after, boolean upToDate) {}

    /** Plan mode ({@link #plan}): the items seen so far, in order; null when running. */
    private List<Planned> planned;
    /** A whole run here: each item's record is locked while the item runs, against batch jobs of the same directory. */
    private boolean itemLocking;
    /** A batch job's single item ({@code --item KEY}), or null: every item due. */
    private String onlyItem;
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
        simulate();
        perTemperature("phop", Csv.map("tR", preset.tR(), "dt", preset.dt(), "pl", P_L), t -> List.of(traj(t)), (t, dir) -> {
            call("phop", () -> PhopStudy.run(new PhopStudy.Request(traj(t), preset.tR(), preset.dt()), dir, context()));
            call("events", () -> EventsStudy.run(EventsStudy.Request.ofPhop(dir, P_L), dir.resolve("events.csv"), context()));
            return Map.of();
        });
        train();
        dropExtraShards("softness", "s", softnessShards, out.resolve("softness"));
        if (softnessShards == 0) {
            perTemperature("softness", Map.of(), t -> List.of(traj(t), model()), (t, dir) -> {
                call("softness", () -> SoftnessStudy.run(SoftnessStudy.Request.of(model(), traj(t)), dir, context()));
                return Map.of();
            });
        } else {
            softnessSharded();
        }
        barriers();
        correlations();
        models();
        perTemperature("observables", Csv.map("p_R", preset.pR(), "dt", preset.dt(), "overlap_a", InherentOverlap.DEFAULT_THRESHOLD),
                t -> List.of(out.resolve("phop").resolve(PipelinePreset.label(t)).resolve("phop.npy"), thermal(t), traj(t)), (t, dir) -> {
            // the MD overlap Q(t), χ4(t), S4/ξ4, block χ4 on the IS trajectory (002 §VII A; thermal
            // positions when the preset makes no inherent structures, which the report says); at most
            // about 256 origins, so the cost (∝ origins × frames × N) stays small at paper scale
            long frames = preset.frames(preset.indexOf(t));
            call("overlap", () -> OverlapStudy.run(OverlapStudy.Request.of(traj(t), Species.A, preset.dt()).withOriginStride((int) Math.max(1, frames / 256)),
                    dir.resolve("overlap"), context()));
            call("persistence", () -> PersistenceStudy.run(PersistenceStudy.Request.of(out.resolve("phop").resolve(PipelinePreset.label(t)), preset.pR(), Species.A),
                    dir.resolve("persistence"), context()));
            call("fs", () -> SelfDynamicsStudy.run(SelfDynamicsStudy.Request.of(thermal(t), t, preset.dt()), dir.resolve("fs"), context()));
            return Map.of();
        });
        begin();
        try (Progress bar = bar("report", 1, "items")) {
            Map<String, Object> reportParams = new LinkedHashMap<>(study != null ? study.settings(preset) : preset.asMap());
            if (study != null) reportParams.put("study", study.asMap());
            if (config != null) reportParams.put("study_config", config);
            PipelineLedger.Item it = new PipelineLedger.Item("report", null, out.resolve("report"), reportParams, reportInputs());
            runItem(it, dir -> {
                new PipelineReport(out, preset, seed, threads, study, config).write(dir);
                return Map.of();
            });
            bar.step();
        }
        end("report");
    }

    // --- stages -------------------------------------------------------------------------------

    private void simulate() throws IOException {
        double[] ts = preset.temperatures();
        begin();
        if (study != null && study.quench() != null) {   // the user's thermal frames, quenched here to inherent structures
            quenchStudy();
            return;
        }
        if (study != null) {   // the user's trajectories stand for the MD (checked by StudyPlan before anything ran)
            if (!quiet && planned == null && onlyItem == null) {
                log.printf(Locale.ROOT, "[%2d/%d] %-13s %-40s %7.1f s%n", stageIndex, STAGES.size(), "simulate",
                        "trajectories of " + study.config().getFileName(), 0.0);
                log.flush();
            }
            return;
        }
        long total = preset.totalSteps();
        try (Progress bar = bar("simulate", total, "steps")) {
            long offset = 0;
            for (int k = 0; k < ts.length; k++) {
                double t = ts[k];
                Path prev = k == 0 ? null : thermal(ts[k - 1]);
                Path dir = out.resolve("md").resolve(PipelinePreset.label(t));
                RunSpec spec = new RunSpec("ka", preset.n(), 1.2, t, preset.dt(), preset.steps(k), "nvt", 0.5, seed + 1000L * k, 2.0,
                        k == 0 ? 2000 : 0, preset.equilibrate(k), preset.dumpEvery(), preset.dumpEvery(), 10_000, 0.3,
                        preset.inherent() && quenchShards == 0, 0.8, startFile(prev, "simulate-" + PipelinePreset.label(t)), preset.inherentQuench());
                Map<String, Object> params = new LinkedHashMap<>(spec.asMap());
                params.remove("initial");
                params.put("threads", threads);
                final long base = offset;
                PipelineLedger.Item it = new PipelineLedger.Item("simulate", PipelinePreset.label(t), dir, params,
                        prev == null ? List.of() : List.of(prev));
                runItem(it, d -> {
                    Simulation.Result r = Simulation.run(spec, d, threads, done -> bar.stepTo(base + done));
                    return Map.of("atom_steps_per_second", r.seconds() > 0 ? r.stepsRun() * (double) preset.n() / r.seconds() : 0);
                });
                offset += spec.totalSteps();
                bar.stepTo(offset);
                if (quenchShards > 0) quenchShardsOf(k);
            }
        }
        end("simulate");
    }

    /**
     * The shard items and the merge item of temperature {@code k}'s quench ({@link #quenchShards}). Shard i takes frames
     * [⌊i F/K⌋, ⌊(i+1) F/K⌋) of the F = production/dumpEvery + 1 frames of {@code md/T…/traj.dump}; the last one runs to
     * the end of the file (quench-merge checks it got there).
     */
    private void quenchShardsOf(int k) throws IOException {
        double t = preset.temperatures()[k];
        String label = PipelinePreset.label(t);
        Path traj = thermal(t);
        var q = preset.inherentQuench();
        split(new Split("simulate", label, "q", quenchShards, preset.frames(k), out.resolve("md"), List.of("is.dump",
                "is_energy.csv", "manifest.json"), (dirs, d) -> mergeQuench(dirs, d, true), label + "-is"), Csv.map("inherent_min", q.algorithm().label(),
                "inherent_ftol", q.ftol(), "threads", threads), List.of(traj), (range, d) -> quench(QuenchStudy.Request.of(traj, "ka", q.algorithm(), q.ftol())
                .frames(FrameSelection.parseRange(range).toRange()), d, true));
    }

    /**
     * One temperature's work in frame blocks: K = min(k, F) items {@code stage-label-<letter><i>} in
     * {@code parent/label-<letter><i>}, item i on frames [⌊i F/K⌋, ⌊(i+1) F/K⌋) of the F frames (the last one to the end
     * of the file: the merge checks it got there), then the item {@code stage-<mergeLabel>} in {@code parent/<mergeLabel>}
     * joining the shard folders ({@link ShardMerge}) into its emptied folder.
     *
     * @param outputs the files of a shard folder the merge reads (its inputs, so its dependencies)
     */
    private record Split(String stage, String label, String letter, int k, long frames, Path parent, List<String> outputs,
                         Merge merge, String mergeLabel) {}

    /** What the merge item of a {@link Split} runs: the shard folders in order joined into {@code dir}; returns the item's results. */
    private interface Merge { Map<String, Object> run(List<Path> shards, Path dir) throws IOException; }

    /**
     * Forgets, at every temperature, the shard items {@code stage-T…-<letter><i>} with i ≥ min(k, F) that a run with more
     * shards left, and deletes their folders {@code parent/T…-<letter><i>} ({@link PipelineLedger#dropShards}); not in a
     * batch job of one item, which leaves the layout to the submission.
     */
    private void dropExtraShards(String stage, String letter, int k, Path parent) throws IOException {
        if (onlyItem != null) return;
        for (int j = 0; j < preset.temperatures().length; j++) {
            String label = PipelinePreset.label(preset.temperatures()[j]);
            ledger.dropShards(stage, label, letter, (int) Math.min(k, preset.frames(j)), i -> parent.resolve(label + "-" + letter + i));
        }
    }

    /** What a shard item runs on frames {@code range} ("A:B") into its emptied folder. */
    private interface ShardWork { Map<String, Object> run(String range, Path dir) throws IOException; }

    /**
     * Runs (or plans) the items of {@code s}: each shard with {@code params} plus its {@code frames} range and
     * {@code inputs}, each from an empty folder; the merge with the shard count.
     */
    private void split(Split s, Map<String, Object> params, List<Path> inputs, ShardWork work) throws IOException {
        int shards = (int) Math.min(s.k(), s.frames());
        List<Path> shardDirs = new ArrayList<>(), merged = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            long a = i * s.frames() / shards, b = i == shards - 1 ? Integer.MAX_VALUE : (i + 1) * s.frames() / shards;
            String range = a + ":" + b, label = s.label() + "-" + s.letter() + i;
            Map<String, Object> p = new LinkedHashMap<>(params);
            p.put("frames", range);
            Path dir = s.parent().resolve(label);
            runItem(new PipelineLedger.Item(s.stage(), label, dir, p, inputs), d -> {
                PipelineLedger.deleteTree(d);
                Files.createDirectories(d);
                return work.run(range, d);
            });
            shardDirs.add(dir);
            for (String f : s.outputs()) merged.add(dir.resolve(f));
        }
        runItem(new PipelineLedger.Item(s.stage(), s.mergeLabel(), s.parent().resolve(s.mergeLabel()), Csv.map("shards", shards), merged), d -> {
            PipelineLedger.deleteTree(d);   // from scratch: a resumed item could hold a killed write's temporary file
            return s.merge().run(shardDirs, d);
        });
    }

    /**
     * The softness stage in frame blocks ({@link #softnessShards}): per temperature, shard i computes frames
     * [⌊i F/K⌋, ⌊(i+1) F/K⌋) of the F = production/dumpEvery + 1 frames of its trajectory (the last one to the end of the
     * file: softness-merge checks it got there) into {@code softness/T…-s<i>}, then the merge item joins them into
     * {@code softness/T…}. Each starts from an empty folder (a killed shard may have left a partial one).
     */
    private void softnessSharded() throws IOException {
        double[] ts = preset.temperatures();
        begin();
        try (Progress bar = bar("softness", ts.length, "T")) {
            for (int k = 0; k < ts.length; k++) {
                double t = ts[k];
                String label = PipelinePreset.label(t);
                split(new Split("softness", label, "s", softnessShards, preset.frames(k), out.resolve("softness"),
                        List.of("softness.npy", "rows.npy", "softness.json", "softness.manifest.json", "descriptors/features.npy", "descriptors/rows.npy",
                                "descriptors/features.json", "descriptors/descriptors.manifest.json"), (dirs, d) -> {
                            call("softness-merge", () -> ShardMerge.softness(dirs, d, context()));
                            return Map.of();
                        }, label),
                        Csv.map("T", t), List.of(traj(t), model()), (range, d) -> {
                    call("softness", () -> SoftnessStudy.run(SoftnessStudy.Request.of(model(), traj(t)).frames(FrameSelection.parseRange(range).toRange()), d, context()));
                    return Map.of();
                });
                bar.step();
            }
        }
        end("softness");
    }

    /**
     * Joins quench shards into {@code dir} ({@link ShardMerge#quench}); frames that did not converge are kept and counted
     * with {@code keep} (as the inline quench of the MD keeps them), else they stop the item.
     */
    private Map<String, Object> mergeQuench(List<Path> shards, Path dir, boolean keep) {
        ShardMerge.QuenchMerge[] r = new ShardMerge.QuenchMerge[1];
        call("quench-merge", () -> r[0] = ShardMerge.quench(shards, dir, context()));
        if (r[0].unconverged() == 0) return Map.of();
        if (keep) return Map.of("unconverged_frames", (long) r[0].unconverged());
        throw new PipelineException("softglass quench-merge failed (exit " + ExitCodes.FAILED + "): " + r[0].unconverged() + " of " + r[0].frames()
                + " frames did not converge", ExitCodes.FAILED);
    }

    /**
     * Quenches {@code req} into {@code dir} ({@link QuenchStudy}). Frames that did not converge are written with
     * {@code converged=false} either way; with {@code keep} the item records their count ({@code unconverged_frames}), as
     * the inline quench of the MD keeps them, else they stop the item.
     */
    private Map<String, Object> quench(QuenchStudy.Request req, Path dir, boolean keep) throws IOException {
        QuenchStudy.Result[] r = new QuenchStudy.Result[1];
        call("quench", () -> r[0] = QuenchStudy.run(req, dir, context()));
        if (r[0].unconverged() == 0) return Map.of();
        if (keep) return Map.of("unconverged_frames", (long) r[0].unconverged());
        throw new PipelineException("softglass quench failed (exit " + ExitCodes.FAILED + "): " + r[0].warning(), ExitCodes.FAILED);
    }

    /**
     * The MD start file of a temperature below the first (the last frame of the T above), or null for the first. A plan
     * ({@link #plan}) made before the T above has run, or a batch job of another item, leaves it out: the file does not
     * exist yet, so its hash cannot be among the parameters, and the item does not run here.
     */
    private String startFile(Path prev, String key) {
        if (prev == null) return null;
        if (onlyItem != null && !onlyItem.equals(key)) return null;   // a batch job of another item: not hashed
        if (planned != null) return Files.isRegularFile(prev) ? prev.toString() : null;
        if (!Files.isRegularFile(prev)) {
            throw new PipelineException("item " + key + " reads " + prev + ", which does not exist: the items it needs must be complete first "
                    + "(see --status)", ExitCodes.FAILED);
        }
        return prev.toString();
    }

    /**
     * Each temperature's thermal file quenched frame by frame ({@code softglass quench}) into {@code md/T…/is.dump}; with
     * {@link #quenchShards} K &gt; 0 in K frame-block items ({@code simulate-T…-q<i>}, {@code quench --frames A:B}) joined
     * by the item {@code simulate-T…} ({@code quench-merge}) into the same files, byte for byte (each frame's minimum is
     * its one-thread quench whatever the split). As without shards, a frame that does not converge stops the item.
     */
    private void quenchStudy() throws IOException {
        StudyConfig.Quench q = study.quench();
        try (Progress bar = bar("simulate", preset.temperatures().length, "T")) {
            dropExtraShards("simulate", "q", quenchShards, out.resolve("md"));
            for (double t : preset.temperatures()) {
                if (quenchShards > 0) {
                    quenchStudyShards(t, q);
                    bar.step();
                    continue;
                }
                Path dir = out.resolve("md").resolve(PipelinePreset.label(t));
                runItem(new PipelineLedger.Item("simulate", PipelinePreset.label(t), dir,
                        Csv.map("quench_model", q.model(), "quench_min", q.min(), "quench_ftol", q.ftol(), "threads", threads),
                        List.of(study.structure(t))), d -> {
                    return quench(QuenchStudy.Request.of(study.structure(t), q.model(), Algorithm.parse(q.min()), q.ftol()), d, false);
                });
                bar.step();
            }
        }
        end("simulate");
    }

    /** The shard items and the merge item of a study's quench at {@code t} ({@link #quenchStudy}). */
    private void quenchStudyShards(double t, StudyConfig.Quench q) throws IOException {
        String label = PipelinePreset.label(t);
        Path file = study.structure(t);
        split(new Split("simulate", label, "q", quenchShards, preset.frames(preset.indexOf(t)), out.resolve("md"),
                List.of("is.dump", "is_energy.csv", "manifest.json"), (dirs, d) -> mergeQuench(dirs, d, false), label), Csv.map("quench_model", q.model(),
                "quench_min", q.min(), "quench_ftol", q.ftol(), "threads", threads), List.of(file), (range, d) -> {
            return quench(QuenchStudy.Request.of(file, q.model(), Algorithm.parse(q.min()), q.ftol()).frames(FrameSelection.parseRange(range).toRange()),
                    d, false);
        });
    }

    private void train() throws IOException {
        double[] tt = preset.trainTemperatures();
        begin();
        List<Path> sets = new ArrayList<>();
        List<Path> setInputs = new ArrayList<>();
        try (Progress bar = bar("train", tt.length + 1, "items")) {
            for (double t : tt) {
                Path dir = out.resolve("train").resolve("set-" + PipelinePreset.label(t));
                Path phop = out.resolve("phop").resolve(PipelinePreset.label(t));
                Map<String, Object> params = Csv.map("T", t, "features", preset.features(), "species", "A", "tau_c", preset.tauC(),
                        "p_stable", preset.pStable(), "pc", preset.pc(), "seed", seed);
                runItem(new PipelineLedger.Item("train", "set-" + PipelinePreset.label(t), dir, params,
                        List.of(traj(t), phop.resolve("phop.npy"))), d -> {
                    // the trainset command's defaults but for these: t_R comes from the p_hop directory; p_L 0.05, lead 2 τ
                    TrainsetRun.Spec spec = new TrainsetRun.Spec(TrainsetRun.Mode.SOFTNESS, 10, preset.dt(), P_L, preset.pc(), preset.pStable(),
                            preset.tauC(), 2, 0.00033, seed, 0, "A");
                    call("trainset", () -> TrainingStudy.trainingSet(new TrainingStudy.SetRequest(traj(t), phop, preset.features(), spec), d, context()));
                    return Map.of();
                });
                sets.add(dir);
                setInputs.add(dir.resolve("samples_features.npy"));
                setInputs.add(dir.resolve("samples.csv"));
                bar.step();
            }
            runItem(new PipelineLedger.Item("train", "model", out.resolve("train").resolve("model"), Csv.map("C", 1.0, "folds", 5, "seed", seed),
                    setInputs), d -> {
                call("train", () -> TrainingStudy.train(TrainingStudy.TrainRequest.of(sets, seed), d.resolve("model.json"), context()));
                return Map.of();
            });
            bar.step();
        }
        end("train");
    }

    private void barriers() throws IOException {
        begin();
        List<Path> in = new ArrayList<>();
        List<TemperatureSet> sets = new ArrayList<>();
        for (double t : preset.temperatures()) {
            Path s = out.resolve("softness").resolve(PipelinePreset.label(t)), p = out.resolve("phop").resolve(PipelinePreset.label(t));
            sets.add(new TemperatureSet(t, s, p));
            in.add(s.resolve("softness.npy"));
            in.add(p.resolve("phop.npy"));
        }
        try (Progress bar = bar("barriers", 1, "items")) {
            runItem(new PipelineLedger.Item("barriers", null, out.resolve("barriers"), Csv.map("p_R", preset.pR(), "bootstrap",
                    preset.bootstrap(), "seed", seed), in), d -> {
                BarriersStudy.Result[] r = new BarriersStudy.Result[1];
                call("barriers", () -> r[0] = BarriersStudy.run(BarriersStudy.Request.of(sets, preset.pR(), preset.bootstrap(), seed), d, context()));
                if (r[0].onsetError() == null) {
                    Csv.json(d.resolve("onset-source.json"), Csv.map("source", "fitted", "reason", null));
                    return Map.of();
                }
                // the fallback, a value of the result: the preset's onset with the measured τ_R, and a record of why
                BarriersStudy.presetOnset(d, r[0].tauR(), r[0].onsetError());
                return Map.of("onset_source", BarriersStudy.ONSET_PRESET);
            });
            bar.step();
        }
        end("barriers");
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void correlations() throws IOException {
        begin();
        double t = lowest();
        Path s = out.resolve("softness").resolve(PipelinePreset.label(t)), p = out.resolve("phop").resolve(PipelinePreset.label(t));
        Path params = out.resolve("barriers").resolve("model-parameters.json");
        try (Progress bar = bar("correlations", 1, "items")) {
            runItem(new PipelineLedger.Item("correlations", PipelinePreset.label(t), out.resolve("correlations"),
                    Csv.map("T", t, "dt", preset.dt()), List.of(traj(t), s.resolve("softness.npy"), p.resolve("events.csv"), params,
                    out.resolve("barriers").resolve("barriers.json"))), d -> {
                // distances within half the box (L = (N/ρ)^(1/3)): C_S(r) to 5 σ or L/2, ΔS in 8 shells to L/2,
                // the background beyond 0.85 L/2 (paper 002 App. E uses r ≥ 6 σ in larger boxes)
                double half = (study != null ? study.minBoxSide() : Math.cbrt(preset.n() / 1.2)) / 2;
                double rmax = Math.min(5.0, Math.floor((half - 0.05) * 10) / 10);
                double rBack = Math.min(6.0, Math.floor(0.85 * half * 10) / 10);
                // ΔS softness bins: 6 over ⟨S⟩ ± 2σ_S at this T (the command's default −3:3 assumes σ_S ≈ 1; sparse
                // tail bins make the App. E background inversion refuse)
                double[] ms = moments(t);
                var kicks = new CorrelationStudy.Kicks(p.resolve("events.csv"), 5, 0.2, new SoftnessBins(0.5, rmax, 8),
                        new SoftnessBins(ms[0] - 2 * ms[1], ms[0] + 2 * ms[1], 6), rBack, Species.A, 20);
                CorrelationStudy.Result[] r = new CorrelationStudy.Result[1];
                call("correlations", () -> r[0] = CorrelationStudy.run(new CorrelationStudy.Request(traj(t), s, rmax, 0.1, 1, 0.9, Math.min(4.0, rmax),
                        preset.dt(), kicks, params), d, context()));
                if (r[0].kicksError() == null) return Map.of();
                // ΔS statistics of a short run can be too noisy for the App. E background subtraction: C_S(r) is kept (the
                // TRSP stage then takes its kick parameters from a preset and says so)
                Csv.json(d.resolve("kicks-error.json"), Csv.map("reason", r[0].kicksError()));
                return Map.of("kicks_error", r[0].kicksError());
            });
            bar.step();
        }
        end("correlations");
    }

    private void models() throws IOException {
        Path params = parameters();
        String temps = String.join(",", Arrays.stream(preset.temperatures()).mapToObj(Pipeline::num).toList());
        begin();
        try (Progress bar = bar("trap", 2, "items")) {
            // Q̄(t) from 4 decades below to 2 above τ_Q: the window the MD and TRSP curves share in the report's plots
            runItem(new PipelineLedger.Item("trap", "relax", out.resolve("trap").resolve("relax"), Csv.map("T", temps, "m", 1,
                    "decades_before", 4, "decades_after", 2), List.of(params)), d -> {
                call("trap relax", () -> TrapStudy.relax(TrapStudy.RelaxRequest.of(TrapStudy.Model.of(params), temperatures(), 4, 2), d, context()));
                return Map.of();
            });
            bar.step();
            String range = trapRange();
            runItem(new PipelineLedger.Item("trap", "equilibrium", out.resolve("trap").resolve("equilibrium"), Csv.map("range", range),
                    List.of(params)), d -> {
                call("trap equilibrium", () -> TrapStudy.equilibrium(TrapStudy.Model.of(params), TrapCommand.temperatures(null, range, null), d, context()));
                return Map.of();
            });
            bar.step();
        }
        end("trap");
        begin();
        try (Progress bar = bar("trsp", 1, "items")) {
            runItem(new PipelineLedger.Item("trsp", null, out.resolve("trsp"), Csv.map("T", temps, "L", preset.trspSide(), "m", 4,
                    "events", preset.trspEvents(), "trajectories", preset.trspTrajectories(), "seed", seed), List.of(params)), d -> {
                // the fitted file, or C_S and kick substitutes recorded beside it (cs-source.json, kick-source.json)
                Path use = TrspParameterStudy.resolve(params, preset.temperatures(), new TrspParameterStudy.Lattice3(preset.trspSide(), 4, 1e-2), d).file();
                call("trsp run", () -> TrspStudy.run(TrspStudy.Request.of(use, preset.trspSide(), temperatures(), preset.trspTrajectories(),
                        preset.trspEvents(), seed), d, context()));
                return Map.of();
            });
            bar.step();
        }
        end("trsp");
    }

    // --- machinery ----------------------------------------------------------------------------

    interface Work { Map<String, Object> run(Path dir) throws IOException; }

    interface TemperatureWork { Map<String, Object> run(double t, Path dir) throws IOException; }

    interface Inputs { List<Path> of(double t) throws IOException; }

    private void perTemperature(String stage, Map<String, Object> params, Inputs inputs, TemperatureWork work) throws IOException {
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

    private void runItem(PipelineLedger.Item it, Work work) throws IOException {
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

    private void begin() {
        stageIndex++;
        skipped = 0;
        ran = 0;
        stageStart = System.nanoTime();
    }

    private void end(String stage) {
        if (quiet || planned != null || (onlyItem != null && ran + skipped == 0)) return;   // a plan, or a batch item's other stages: no line
        if (onlyItem != null && !onlyItemSeen) return;
        double s = (System.nanoTime() - stageStart) * 1e-9;
        String what = ran == 0 && skipped > 0 ? "up to date, skipped"
                : skipped > 0 ? ran + " item(s) run, " + skipped + " up to date" : ran + " item(s) run";
        log.printf(Locale.ROOT, "[%2d/%d] %-13s %-40s %7.1f s%n", stageIndex, STAGES.size(), stage, what, s);
        log.flush();
    }

    private Progress bar(String stage, long total, String unit) {
        return Progress.of(String.format(Locale.ROOT, "[%2d/%d] %s", stageIndex, STAGES.size(), stage), total, unit, quiet || planned != null);
    }

    /** A study call of a stage: what it computes, its outputs written by the study. */
    interface StudyCall { Object run() throws IOException; }

    /**
     * Runs one study of a stage in-process; a failure becomes one line naming the study, its exit code and its message
     * as the command of the same name would report it ({@link Errors#classify}).
     */
    static void call(String name, StudyCall study) {
        try {
            study.run();
        } catch (PipelineException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Errors.Verdict v = Errors.classify(e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e, List.of());
            throw new PipelineException("softglass " + name + " failed (exit " + v.code() + "): " + Errors.oneLine(v.message()), v.code());
        }
    }

    /** The context of the studies the stages call: this run's threads and version, no progress bars (the stage has its own). */
    private org.softglass.study.StudyContext context() { return org.softglass.study.StudyContext.of(threads, Version.get()); }

    /** A failed stage: its message names the study (as the command of the same name) and its own one-line error. */
    static final class PipelineException extends IllegalStateException {
        final int exitCode;
        PipelineException(String msg, int exitCode) { super(msg); this.exitCode = exitCode; }
    }

    /** The thermal trajectory (F_s, τ_α): the MD's, or the study's. */
    private Path thermal(double t) {
        return study != null ? study.thermal(t) : out.resolve("md").resolve(PipelinePreset.label(t)).resolve("traj.dump");
    }

    /** The trajectory the structure analysis uses: inherent structures when the preset makes them; the study's own file (or its quench). */
    private Path traj(double t) {
        if (study != null && study.quench() != null) return out.resolve("md").resolve(PipelinePreset.label(t)).resolve("is.dump");
        if (study != null) return study.structure(t);
        if (preset.inherent() && quenchShards > 0) return out.resolve("md").resolve(PipelinePreset.label(t) + "-is").resolve("is.dump");
        return out.resolve("md").resolve(PipelinePreset.label(t)).resolve(preset.inherent() ? "is.dump" : "traj.dump");
    }

    /** ⟨S⟩ and σ_S of the softness at T, from the barriers stage ({@code barriers.json} moments). */
    private double[] moments(double t) throws IOException {
        var j = JSON.readTree(out.resolve("barriers").resolve("barriers.json").toFile());
        for (var m : j.get("moments")) if (Math.abs(m.get("T").asDouble() - t) < 1e-9) return new double[] {m.get("mean").asDouble(), m.get("std").asDouble()};
        throw new IllegalStateException("barriers.json has no moments at T = " + t);
    }

    private Path model() { return out.resolve("train").resolve("model").resolve("model.json"); }

    /** The final parameter file: the correlation stage's (with C_S, σ_Δ, ρ_Δ). */
    Path parameters() { return out.resolve("correlations").resolve("model-parameters.json"); }

    /**
     * The trap model's equilibrium temperature range {@code LO:HI:60}: 0.4–1.2 for the KA presets; for a study
     * widened to 0.8 T_min … 1.25 T_max when its temperatures reach beyond.
     */
    private String trapRange() {
        if (study == null) return "0.4:1.2:60";
        double lo = Math.min(0.4, 0.8 * lowest()), hi = Math.max(1.2, 1.25 * Arrays.stream(preset.temperatures()).max().orElseThrow());
        return Csv.fmt(lo) + ":" + Csv.fmt(hi) + ":60";
    }

    /** The run's temperatures, in the preset's order. */
    private List<Double> temperatures() { return Arrays.stream(preset.temperatures()).boxed().toList(); }

    private double lowest() { return Arrays.stream(preset.temperatures()).min().orElseThrow(); }

    /**
     * The report's inputs: every CSV and JSON file of the analysis stages, and the MD thermo files. A plan made while
     * batch jobs write there (a file vanishing during the walk) gets a path that does not exist, so the report counts as
     * not done.
     */
    private List<Path> reportInputs() throws IOException {
        if (onlyItem != null && !onlyItem.equals("report")) return List.of();   // a batch job of another item: not read
        List<Path> in = new ArrayList<>();
        for (String s : List.of("barriers", "correlations", "trap", "trsp", "observables", "train")) {
            Path d = out.resolve(s);
            if (!Files.isDirectory(d)) continue;
            try (var w = Files.walk(d)) {
                w.filter(Files::isRegularFile).filter(f -> {
                    String n = f.getFileName().toString();
                    return n.endsWith(".csv") || n.endsWith(".json");
                }).sorted().forEach(in::add);
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (planned == null) throw e;
                return List.of(out.resolve("report").resolve(".inputs-changing"));
            }
        }
        if (study == null) for (double t : preset.temperatures()) in.add(out.resolve("md").resolve(PipelinePreset.label(t)).resolve("thermo.csv"));
        return in;
    }


    static String num(double v) { return Double.toString(v); }
}
