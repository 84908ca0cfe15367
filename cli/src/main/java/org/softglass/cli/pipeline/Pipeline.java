package org.softglass.cli.pipeline;

import org.softglass.cli.Csv;
import org.softglass.cli.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *   <li>{@code correlations}: C_S(r) and ΔS around rearrangements at the lowest T, C_S(r) for the models at the
 *       highest ({@code cs-T…/}, 002 §VI), completing the parameter file ({@code correlations/model-parameters.json}).</li>
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
 * <p>This class owns the run's options, the stage order and the paths the stages share; how each item is skipped,
 * resumed, planned or locked is {@link PipelineItems}', the option checks are {@link PipelineChecks}'.
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
    /** {@code --quench-shards}, {@code --softness-shards} ({@link #quenchShards(int)}, {@link #softnessShards(int)}): 0 for none. */
    int quenchShards, softnessShards;
    /** How the items run (ledger, plan, batch item, locks, progress); the stages call it for each item. */
    final PipelineItems items = new PipelineItems(this);
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
        PipelineChecks.checkQuenchShards(k, preset, study);
        this.quenchShards = k;
        return this;
    }

    /**
     * Frame blocks of the softness stage ({@code --softness-shards K}): 0 (the default) makes one item per temperature;
     * K &gt; 0 makes K items per temperature, each computing the descriptors and S of a block of frames
     * ({@code softglass softness MODEL TRAJ --frames A:B}, items {@code softness-T…-s0}, …), and one item
     * ({@code softness-T…}) that joins them ({@code softglass softness-merge}) into {@code softness/T…}, byte for byte
     * what the single item writes (a row's descriptors and S depend on its frame only), so nothing downstream changes.
     * Works for any run (a study's own trajectories too). Modifies and returns this pipeline.
     */
    Pipeline softnessShards(int k) {
        PipelineChecks.checkSoftnessShards(k);
        this.softnessShards = k;
        return this;
    }

    /**
     * Names the study configuration a {@code simulate} study came from, so the manifest, the summary and the report's
     * rerun line point at it instead of a preset. Modifies and returns this pipeline.
     */
    Pipeline fromConfig(Path file) throws IOException {
        this.config = Csv.map("config", file.toAbsolutePath().toString(), "config_sha256", org.softglass.core.io.Manifest.sha256(file));
        return this;
    }

    /**
     * Runs every stage from {@code from} (null: all, skipping what is up to date). Refused while a batch job of
     * {@code --executor slurm} runs an item here (it holds {@code stages/.KEY.json.lock}); each item is locked while it
     * runs, so a batch job started meanwhile refuses it.
     */
    void run(String from) throws IOException {
        PipelineLocks.checkNoBatchJobs(out);
        invalidateFrom(from);
        ledger.removeTemporaryFiles();
        writeManifest();
        items.itemLocking = true;
        stages();
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
        return items.plan(this::stages);
    }

    /**
     * Runs the one item {@code key} of the plan (a batch job of {@code --executor slurm}): the items it needs must be
     * complete. Refused while a whole run holds the directory; locks that item's record ({@code stages/.KEY.json.lock}),
     * not the directory, so items run at once.
     *
     * @throws IllegalArgumentException if this pipeline has no item {@code key}
     */
    void runItem(String key) throws IOException {
        PipelineLocks.checkNoWholeRun(out, "pipeline --item " + key);
        items.runOnly(key, this::stages);
    }

    private void invalidateFrom(String from) throws IOException {
        if (from == null) return;
        PipelineChecks.checkStage(from);
        ledger.invalidate(STAGES.subList(STAGES.indexOf(from), STAGES.size()));
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
        items.stageIndex = 0;
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

    /** The context of the studies the stages call: this run's threads and version, no progress bars (the stage has its own). */
    org.softglass.study.StudyContext context() { return org.softglass.study.StudyContext.of(threads, Version.get()); }

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
    double highest() { return Arrays.stream(preset.temperatures()).max().orElseThrow(); }
}
