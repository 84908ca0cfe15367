package org.softglass.cli.pipeline;

import org.softglass.cli.Csv;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.FrameSelection;
import org.softglass.cli.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.simulate.Simulation;
import org.softglass.study.quench.QuenchStudy;
import org.softglass.study.shards.ShardMerge;

/**
 * The pipeline's {@code simulate} stage: KA NVT at each temperature, cooling step-wise (each T starts from the last frame
 * of the T above), with inherent structures inline or in frame-block shard items ({@code --quench-shards}); for a study,
 * its own trajectories, or its thermal frames quenched here.
 */
final class PipelineMd {
    private final Pipeline pl;

    PipelineMd(Pipeline pl) { this.pl = pl; }

    void simulate() throws IOException {
        double[] ts = pl.preset.temperatures();
        pl.items.begin();
        if (pl.study != null && pl.study.quench() != null) {   // the user's thermal frames, quenched here to inherent structures
            quenchStudy();
            return;
        }
        if (pl.study != null) {   // the user's trajectories stand for the MD (checked by StudyPlan before anything ran)
            if (!pl.quiet && pl.items.planned == null && pl.items.onlyItem == null) {
                pl.log.printf(Locale.ROOT, "[%2d/%d] %-13s %-40s %7.1f s%n", pl.items.stageIndex, Pipeline.STAGES.size(), "simulate",
                        "trajectories of " + pl.study.config().getFileName(), 0.0);
                pl.log.flush();
            }
            return;
        }
        long total = pl.preset.totalSteps();
        try (Progress bar = pl.items.bar("simulate", total, "steps")) {
            long offset = 0;
            for (int k = 0; k < ts.length; k++) {
                double t = ts[k];
                Path prev = k == 0 ? null : pl.thermal(ts[k - 1]);
                Path dir = pl.out.resolve("md").resolve(PipelinePreset.label(t));
                RunSpec spec = new RunSpec("ka", pl.preset.n(), 1.2, t, pl.preset.dt(), pl.preset.steps(k), "nvt", 0.5, pl.seed + 1000L * k, 2.0,
                        k == 0 ? 2000 : 0, pl.preset.equilibrate(k), pl.preset.dumpEvery(), pl.preset.dumpEvery(), 10_000, 0.3,
                        pl.preset.inherent() && pl.quenchShards == 0, 0.8, startFile(prev, "simulate-" + PipelinePreset.label(t)), pl.preset.inherentQuench());
                Map<String, Object> params = new LinkedHashMap<>(spec.asMap());
                params.remove("initial");
                params.put("threads", pl.threads);
                final long base = offset;
                PipelineLedger.Item it = new PipelineLedger.Item("simulate", PipelinePreset.label(t), dir, params,
                        prev == null ? List.of() : List.of(prev));
                pl.items.runItem(it, d -> {
                    Simulation.Result r = Simulation.run(spec, d, pl.threads, done -> bar.stepTo(base + done));
                    return Map.of("atom_steps_per_second", r.seconds() > 0 ? r.stepsRun() * (double) pl.preset.n() / r.seconds() : 0);
                });
                offset += spec.totalSteps();
                bar.stepTo(offset);
                if (pl.quenchShards > 0) quenchShardsOf(k);
            }
        }
        pl.items.end("simulate");
    }

    /**
     * The shard items and the merge item of temperature {@code k}'s quench ({@link #quenchShards}). Shard i takes frames
     * [⌊i F/K⌋, ⌊(i+1) F/K⌋) of the F = production/dumpEvery + 1 frames of {@code md/T…/traj.dump}; the last one runs to
     * the end of the file (quench-merge checks it got there).
     */
    void quenchShardsOf(int k) throws IOException {
        double t = pl.preset.temperatures()[k];
        String label = PipelinePreset.label(t);
        Path traj = pl.thermal(t);
        var q = pl.preset.inherentQuench();
        pl.shards.split(new PipelineShards.Split("simulate", label, "q", pl.quenchShards, pl.preset.frames(k), pl.out.resolve("md"), List.of("is.dump",
                "is_energy.csv", "manifest.json"), (dirs, d) -> mergeQuench(dirs, d, true), label + "-is"), Csv.map("inherent_min", q.algorithm().label(),
                "inherent_ftol", q.ftol(), "threads", pl.threads), List.of(traj), (range, d) -> quench(QuenchStudy.Request.of(traj, "ka", q.algorithm(), q.ftol())
                .frames(FrameSelection.parseRange(range)), d, true));
    }

    /**
     * Joins quench shards into {@code dir} ({@link ShardMerge#quench}); frames that did not converge are kept and counted
     * with {@code keep} (as the inline quench of the MD keeps them), else they stop the item.
     */
    Map<String, Object> mergeQuench(List<Path> shards, Path dir, boolean keep) {
        ShardMerge.QuenchMerge r = pl.items.call("quench-merge", () -> ShardMerge.quench(shards, dir, pl.context()));
        if (r.unconverged() == 0) return Map.of();
        if (keep) return Map.of("unconverged_frames", (long) r.unconverged());
        throw new PipelineException("softglass quench-merge failed (exit " + ExitCodes.FAILED + "): " + r.unconverged() + " of " + r.frames()
                + " frames did not converge", ExitCodes.FAILED);
    }

    /**
     * Quenches {@code req} into {@code dir} ({@link QuenchStudy}). Frames that did not converge are written with
     * {@code converged=false} either way; with {@code keep} the item records their count ({@code unconverged_frames}), as
     * the inline quench of the MD keeps them, else they stop the item.
     */
    Map<String, Object> quench(QuenchStudy.Request req, Path dir, boolean keep) throws IOException {
        QuenchStudy.Result r = pl.items.call("quench", () -> QuenchStudy.run(req, dir, pl.context()));
        if (r.unconverged() == 0) return Map.of();
        if (keep) return Map.of("unconverged_frames", (long) r.unconverged());
        throw new PipelineException("softglass quench failed (exit " + ExitCodes.FAILED + "): " + r.warning(), ExitCodes.FAILED);
    }

    /**
     * The MD start file of a temperature below the first (the last frame of the T above), or null for the first. A plan
     * ({@link #plan}) made before the T above has run, or a batch job of another item, leaves it out: the file does not
     * exist yet, so its hash cannot be among the parameters, and the item does not run here.
     */
    String startFile(Path prev, String key) {
        if (prev == null) return null;
        if (pl.items.onlyItem != null && !pl.items.onlyItem.equals(key)) return null;   // a batch job of another item: not hashed
        if (pl.items.planned != null) return Files.isRegularFile(prev) ? prev.toString() : null;
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
    void quenchStudy() throws IOException {
        StudyConfig.Quench q = pl.study.quench();
        try (Progress bar = pl.items.bar("simulate", pl.preset.temperatures().length, "T")) {
            pl.shards.dropExtraShards("simulate", "q", pl.quenchShards, pl.out.resolve("md"));
            for (double t : pl.preset.temperatures()) {
                if (pl.quenchShards > 0) {
                    quenchStudyShards(t, q);
                    bar.step();
                    continue;
                }
                Path dir = pl.out.resolve("md").resolve(PipelinePreset.label(t));
                pl.items.runItem(new PipelineLedger.Item("simulate", PipelinePreset.label(t), dir,
                        Csv.map("quench_model", q.model(), "quench_min", q.min(), "quench_ftol", q.ftol(), "threads", pl.threads),
                        List.of(pl.study.structure(t))), d -> {
                    return quench(QuenchStudy.Request.of(pl.study.structure(t), q.model(), Algorithm.parse(q.min()), q.ftol()), d, false);
                });
                bar.step();
            }
        }
        pl.items.end("simulate");
    }

    /** The shard items and the merge item of a study's quench at {@code t} ({@link #quenchStudy}). */
    void quenchStudyShards(double t, StudyConfig.Quench q) throws IOException {
        String label = PipelinePreset.label(t);
        Path file = pl.study.structure(t);
        pl.shards.split(new PipelineShards.Split("simulate", label, "q", pl.quenchShards, pl.preset.frames(pl.preset.indexOf(t)), pl.out.resolve("md"),
                List.of("is.dump", "is_energy.csv", "manifest.json"), (dirs, d) -> mergeQuench(dirs, d, false), label), Csv.map("quench_model", q.model(),
                "quench_min", q.min(), "quench_ftol", q.ftol(), "threads", pl.threads), List.of(file), (range, d) -> {
            return quench(QuenchStudy.Request.of(file, q.model(), Algorithm.parse(q.min()), q.ftol()).frames(FrameSelection.parseRange(range)),
                    d, false);
        });
    }
}
