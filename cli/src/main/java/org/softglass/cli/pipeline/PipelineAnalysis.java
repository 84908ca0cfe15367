package org.softglass.cli.pipeline;

import org.softglass.cli.Csv;
import org.softglass.cli.FrameSelection;
import org.softglass.cli.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.rearrange.TrainsetRun;
import org.softglass.study.Species;
import org.softglass.study.barriers.BarriersStudy;
import org.softglass.study.barriers.BarriersSummary;
import org.softglass.study.barriers.OnsetSource;
import org.softglass.study.barriers.TemperatureSet;
import org.softglass.study.correlate.CorrelationStudy;
import org.softglass.study.rearrange.EventsStudy;
import org.softglass.study.rearrange.PhopStudy;
import org.softglass.study.shards.ShardMerge;
import org.softglass.study.softness.SoftnessStudy;
import org.softglass.study.softness.TrainingStudy;

/**
 * The pipeline's structure stages on the studies: {@code phop} (p_hop and events), {@code train} (training sets and the
 * classifier), {@code softness} (whole or in frame-block shards), {@code barriers} (with the preset-onset fallback) and
 * {@code correlations} (C_S(r) and the kicks, a refusal of the kicks recorded).
 */
final class PipelineAnalysis {
    private final Pipeline pl;

    PipelineAnalysis(Pipeline pl) { this.pl = pl; }

    /** p_hop and the events at each temperature ({@code phop/T…/}). */
    void phop() throws IOException {
        pl.items.perTemperature("phop", Csv.map("tR", pl.preset.tR(), "dt", pl.preset.dt(), "pl", pl.P_L), t -> List.of(pl.traj(t)), (t, dir) -> {
            pl.items.call("phop", () -> PhopStudy.run(new PhopStudy.Request(pl.traj(t), pl.preset.tR(), pl.preset.dt()), dir, pl.context()));
            pl.items.call("events", () -> EventsStudy.run(EventsStudy.Request.ofPhop(dir, pl.P_L), dir.resolve("events.csv"), pl.context()));
            return Map.of();
        });
    }

    /** Descriptors and S of every A particle in every frame ({@code softness/T…/}), whole or in frame-block shards. */
    void softness() throws IOException {
        pl.shards.dropExtraShards("softness", "s", pl.softnessShards, pl.out.resolve("softness"));
        if (pl.softnessShards == 0) {
            pl.items.perTemperature("softness", Map.of(), t -> List.of(pl.traj(t), pl.model()), (t, dir) -> {
                pl.items.call("softness", () -> SoftnessStudy.run(SoftnessStudy.Request.of(pl.model(), pl.traj(t)), dir, pl.context()));
                return Map.of();
            });
        } else {
            softnessSharded();
        }
    }

    void train() throws IOException {
        double[] tt = pl.preset.trainTemperatures();
        pl.items.begin();
        List<Path> sets = new ArrayList<>();
        List<Path> setInputs = new ArrayList<>();
        try (Progress bar = pl.items.bar("train", tt.length + 1, "items")) {
            for (double t : tt) {
                Path dir = pl.out.resolve("train").resolve("set-" + PipelinePreset.label(t));
                Path phop = pl.out.resolve("phop").resolve(PipelinePreset.label(t));
                Map<String, Object> params = Csv.map("T", t, "features", pl.preset.features(), "species", "A", "tau_c", pl.preset.tauC(),
                        "p_stable", pl.preset.pStable(), "pc", pl.preset.pc(), "seed", pl.seed);
                pl.items.runItem(new PipelineLedger.Item("train", "set-" + PipelinePreset.label(t), dir, params,
                        List.of(pl.traj(t), phop.resolve("phop.npy"))), d -> {
                    // the trainset command's defaults but for these: t_R comes from the p_hop directory; p_L 0.05, lead 2 τ
                    TrainsetRun.Spec spec = new TrainsetRun.Spec(TrainsetRun.Mode.SOFTNESS, 10, pl.preset.dt(), pl.P_L, pl.preset.pc(), pl.preset.pStable(),
                            pl.preset.tauC(), 2, 0.00033, pl.seed, 0, "A");
                    pl.items.call("trainset", () -> TrainingStudy.trainingSet(new TrainingStudy.SetRequest(pl.traj(t), phop, pl.preset.features(), spec), d, pl.context()));
                    return Map.of();
                });
                sets.add(dir);
                setInputs.add(dir.resolve("samples_features.npy"));
                setInputs.add(dir.resolve("samples.csv"));
                bar.step();
            }
            pl.items.runItem(new PipelineLedger.Item("train", "model", pl.out.resolve("train").resolve("model"), Csv.map("C", 1.0, "folds", 5, "seed", pl.seed),
                    setInputs), d -> {
                pl.items.call("train", () -> TrainingStudy.train(TrainingStudy.TrainRequest.of(sets, pl.seed), d.resolve("model.json"), pl.context()));
                return Map.of();
            });
            bar.step();
        }
        pl.items.end("train");
    }

    /**
     * The softness stage in frame blocks ({@link #softnessShards}): per temperature, shard i computes frames
     * [⌊i F/K⌋, ⌊(i+1) F/K⌋) of the F = production/dumpEvery + 1 frames of its trajectory (the last one to the end of the
     * file: softness-merge checks it got there) into {@code softness/T…-s<i>}, then the merge item joins them into
     * {@code softness/T…}. Each starts from an empty folder (a killed shard may have left a partial one).
     */
    void softnessSharded() throws IOException {
        double[] ts = pl.preset.temperatures();
        pl.items.begin();
        try (Progress bar = pl.items.bar("softness", ts.length, "T")) {
            for (int k = 0; k < ts.length; k++) {
                double t = ts[k];
                String label = PipelinePreset.label(t);
                pl.shards.split(new PipelineShards.Split("softness", label, "s", pl.softnessShards, pl.preset.frames(k), pl.out.resolve("softness"),
                        List.of("softness.npy", "rows.npy", "softness.json", "softness.manifest.json", "descriptors/features.npy", "descriptors/rows.npy",
                                "descriptors/features.json", "descriptors/descriptors.manifest.json"), (dirs, d) -> {
                            pl.items.call("softness-merge", () -> ShardMerge.softness(dirs, d, pl.context()));
                            return Map.of();
                        }, label),
                        Csv.map("T", t), List.of(pl.traj(t), pl.model()), (range, d) -> {
                    pl.items.call("softness", () -> SoftnessStudy.run(SoftnessStudy.Request.of(pl.model(), pl.traj(t)).frames(FrameSelection.parseRange(range)), d, pl.context()));
                    return Map.of();
                });
                bar.step();
            }
        }
        pl.items.end("softness");
    }

    void barriers() throws IOException {
        pl.items.begin();
        List<Path> in = new ArrayList<>();
        List<TemperatureSet> sets = new ArrayList<>();
        for (double t : pl.preset.temperatures()) {
            Path s = pl.out.resolve("softness").resolve(PipelinePreset.label(t)), p = pl.out.resolve("phop").resolve(PipelinePreset.label(t));
            sets.add(new TemperatureSet(t, s, p));
            in.add(s.resolve("softness.npy"));
            in.add(p.resolve("phop.npy"));
        }
        try (Progress bar = pl.items.bar("barriers", 1, "items")) {
            pl.items.runItem(new PipelineLedger.Item("barriers", null, pl.out.resolve("barriers"), Csv.map("p_R", pl.preset.pR(), "bootstrap",
                    pl.preset.bootstrap(), "seed", pl.seed), in), d -> {
                BarriersStudy.Result r = pl.items.call("barriers", () -> BarriersStudy.run(BarriersStudy.Request.of(sets, pl.preset.pR(), pl.preset.bootstrap(), pl.seed), d, pl.context()));
                if (r.onsetError() == null) {
                    new OnsetSource(OnsetSource.FITTED, null).write(d.resolve("onset-source.json"));
                    return Map.of();
                }
                // the fallback, a value of the result: the preset's onset with the measured τ_R, and a record of why
                BarriersStudy.presetOnset(d, r.tauR(), r.onsetError());
                return Map.of("onset_source", BarriersStudy.ONSET_PRESET);
            });
            bar.step();
        }
        pl.items.end("barriers");
    }

    void correlations() throws IOException {
        pl.items.begin();
        double t = pl.lowest(), high = pl.highest();
        Path s = softness(t), p = pl.out.resolve("phop").resolve(PipelinePreset.label(t));
        Path params = pl.out.resolve("barriers").resolve("model-parameters.json");
        List<Path> inputs = new ArrayList<>(List.of(pl.traj(t), s.resolve("softness.npy"), p.resolve("events.csv"), params,
                pl.out.resolve("barriers").resolve("barriers.json")));
        if (high != t) inputs.addAll(List.of(pl.traj(high), softness(high).resolve("softness.npy")));
        try (Progress bar = pl.items.bar("correlations", 1, "items")) {
            pl.items.runItem(new PipelineLedger.Item("correlations", PipelinePreset.label(t), pl.out.resolve("correlations"),
                    Csv.map("T", t, "dt", pl.preset.dt(), "cs_T", high), inputs), d -> {
                // distances within half the box (L = (N/ρ)^(1/3)): C_S(r) to 5 σ or L/2, ΔS in 8 shells to L/2,
                // the background beyond 0.85 L/2 (paper 002 App. E uses r ≥ 6 σ in larger boxes)
                double half = (pl.study != null ? pl.study.minBoxSide() : Math.cbrt(pl.preset.n() / 1.2)) / 2;
                double rmax = Math.min(5.0, Math.floor((half - 0.05) * 10) / 10);
                double rBack = Math.min(6.0, Math.floor(0.85 * half * 10) / 10);
                // C_S(r) for the models at the highest T (002 §VI: "fit the correlation function at high T"; its T dependence
                // is neglected), in DIR/cs-T…/; the kicks and the C_S(r) of the lowest T in DIR
                CorrelationStudy.ModelCs modelCs = null;
                if (high != t) {
                    Path hd = d.resolve("cs-" + PipelinePreset.label(high));
                    CorrelationStudy.Request hq = csRequest(high, rmax, null, null, null);
                    CorrelationStudy.Result hr = pl.items.call("correlations", () -> CorrelationStudy.run(hq, hd, pl.context()));
                    modelCs = new CorrelationStudy.ModelCs(high, hr.csFit(), hr.cs().c0Err(), hd.resolve("correlations.json"));
                }
                // ΔS softness bins: 6 over ⟨S⟩ ± 2σ_S at this T (the command's default −3:3 assumes σ_S ≈ 1; sparse
                // tail bins make the App. E background inversion refuse)
                double[] ms = moments(t);
                CorrelationStudy.Kicks kicks = null;
                String unmeasurable = null;   // bins a short run cannot fill (σ_S = 0, a box too small for the shells)
                try {
                    kicks = new CorrelationStudy.Kicks(p.resolve("events.csv"), 5, 0.2, new SoftnessBins(0.5, rmax, 8),
                            new SoftnessBins(ms[0] - 2 * ms[1], ms[0] + 2 * ms[1], 6), rBack, Species.A, 20);
                } catch (IllegalArgumentException e) {
                    unmeasurable = "no softness-kick bins: " + e.getMessage();
                }
                CorrelationStudy.Request req = csRequest(t, rmax, kicks, params, modelCs);
                CorrelationStudy.Result r = pl.items.call("correlations", () -> CorrelationStudy.run(req, d, pl.context()));
                String reason = r.kicksError() != null ? r.kicksError() : unmeasurable;
                if (reason == null) return Map.of();
                // ΔS statistics of a short run can be too noisy for the App. E background subtraction: C_S(r) is kept (the
                // TRSP stage then takes its kick parameters from a preset and says so)
                new KicksError(reason).write(d.resolve("kicks-error.json"));
                return Map.of("kicks_error", reason);
            });
            bar.step();
        }
        pl.items.end("correlations");
    }

    private Path softness(double t) { return pl.out.resolve("softness").resolve(PipelinePreset.label(t)); }

    /**
     * The correlations request at T: C_S(r) to rmax in bins of 0.1 σ over every softness frame, its eq-29 fit over
     * 0.9 σ … min(4 σ, rmax), the same at every T so that the C_S(r) of the two temperatures are one measurement.
     */
    private CorrelationStudy.Request csRequest(double t, double rmax, CorrelationStudy.Kicks kicks, Path params, CorrelationStudy.ModelCs modelCs) {
        return new CorrelationStudy.Request(pl.traj(t), softness(t), rmax, 0.1, 1, 0.9, Math.min(4.0, rmax), pl.preset.dt(), kicks, params, modelCs);
    }

    /** ⟨S⟩ and σ_S of the softness at T, from the barriers stage ({@code barriers.json} moments). */
    double[] moments(double t) throws IOException {
        for (var m : BarriersSummary.read(pl.out.resolve("barriers").resolve("barriers.json")).moments()) {
            if (Math.abs(m.t() - t) < 1e-9) return new double[] {m.mean(), m.std()};
        }
        throw new IllegalStateException("barriers.json has no moments at T = " + t);
    }
}
