package org.softglass.study.barriers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.BlockScheme;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.barriers.RearrangementDuration;
import org.softglass.core.barriers.RhoInversion;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.softness.SoftnessTable;
import org.softglass.core.trsp.TrspPresets;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * Energy barriers from softness and p_hop at several temperatures (papers 001, 000, 003): P(S) and P(R|S,T)
 * (rearranging = p_hop &gt; threshold, DESIGN §4), per-bin Arrhenius/Kramers fits, the global onset fit, ⟨S⟩(T), σ_S(T),
 * τ_R and the model-parameter file. Errors of P(R|S,T) come from a block bootstrap ({@link BlockScheme}: each
 * particle's frames, or blocks of consecutive frames, resampled together; DESIGN §7b), and the fits scale their errors by
 * √(χ²/dof) where χ²/dof &gt; 1 and say so in {@code barriers.json}. Each set's softness and p_hop must come from the same
 * trajectory ({@link TemperatureSet#requireSameTrajectory}), checked for every set before any output is written.
 *
 * <p>A refused onset fit is a value of the result ({@link Result#onsetError}), written after P(R|S) and the per-bin
 * fits; no model-parameter file is written then. {@link #presetOnset} is the pipeline's documented fallback.
 *
 * <p>Writes {@code DIR/prs.csv}, {@code DIR/arrhenius.csv}, {@code DIR/barriers.json} ({@code softglass.barriers/1}),
 * {@code DIR/model-parameters.json} (when the onset fit ran and succeeded, Arrhenius form), {@code DIR/prs.png},
 * {@code DIR/barriers.png} and {@code DIR/barriers.manifest.json}.
 */
public final class BarriersStudy {
    /** The source named when the onset comes from the preset ({@link #presetOnset}). */
    public static final String ONSET_PRESET = "ka-002 preset";

    private BarriersStudy() {}

    /** Which onset fit runs: none, on every temperature, or on those below the fitted T0 ({@link BarrierReport#fitOnsetBelowOnset}). */
    public enum Onset { NONE, ALL, BELOW_ONLY }

    /**
     * @param sets      one per temperature, at least two
     * @param bins      softness bins, or null: 24 over the 0.5–99.5 % range of all S
     * @param threshold rearranging when p_hop &gt; this (σ²)
     * @param lag       label a row by p_hop this many frames after its structure
     * @param bootstrap block-bootstrap replicates
     * @param blocks    the bootstrap's blocks
     * @param minEvents fewest rearrangements for a usable (bin, T) point
     * @param pMax      P(R|S) at or above which a point is refused as saturated
     * @param kramers   fit the Kramers form of paper 003 instead of the Arrhenius one
     * @param strict    refuse instead of dropping points
     */
    public record Request(List<TemperatureSet> sets, SoftnessBins bins, double threshold, int lag, int bootstrap, BlockScheme blocks, long seed,
                          long minEvents, double pMax, boolean kramers, boolean strict, Onset onset) {
        public Request {
            sets = List.copyOf(sets);
            Checks.positive(threshold, "pThreshold");
            Checks.atLeast(bootstrap, 0, "bootstrap");
            Checks.atLeast(minEvents, 0, "minEvents");
            if (!(pMax >= Double.MIN_VALUE && pMax <= 1)) throw new InvalidParameter("{pMax} must be in [" + Double.MIN_VALUE + ", 1.0], got " + pMax);
            if (lag < 0) throw new InvalidParameter("{lag} must be >= 0, got " + lag);
        }

        /** The pipeline's analysis: automatic bins, p_hop &gt; p_R, particle blocks, 10 events, P ≤ 0.9, Arrhenius, onset below T0. */
        public static Request of(List<TemperatureSet> sets, double pR, int bootstrap, long seed) {
            return new Request(sets, null, pR, 0, bootstrap, BlockScheme.particles(), seed, 10, 0.9, false, false, Onset.BELOW_ONLY);
        }

        /** The sets as their texts {@code T=TEMP:DIR:PHOP_DIR}. */
        List<String> texts() { return sets.stream().map(TemperatureSet::text).toList(); }
    }

    /**
     * @param analysis        P(R|S,T), the fits and the onset (when it succeeded)
     * @param onsetError      why the onset fit refused, or null
     * @param onsetExcluded   temperatures left out of the onset fit
     * @param tauR            the mean rearrangement duration τ_R, or null when no run completed
     * @param modelParameters the parameter file written, or null
     */
    public record Result(BarrierAnalysis.Result analysis, SoftnessBins bins, String onsetError, List<Double> onsetExcluded, Double tauR,
                         Path modelParameters) {}

    /** Runs the analysis of {@code req} and writes {@code out}. */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        List<TemperatureSet> ts = req.sets();
        double threshold = req.threshold();
        List<BarrierAnalysis.Sample> samples = new ArrayList<>();
        Manifest man = new Manifest(ctx.version(), "barriers").param("sets", req.texts()).param("p_threshold", threshold).param("lag", req.lag())
                .param("bootstrap", req.bootstrap()).param("bootstrap_blocks", req.blocks().label()).param("seed", req.seed())
                .param("min_events", req.minEvents()).param("p_max", req.pMax()).param("kramers", req.kramers()).param("strict", req.strict())
                .param("onset_below_only", req.onset() == Onset.BELOW_ONLY);
        double runSum = 0, runSum2 = 0;
        long runs = 0;
        for (TemperatureSet t : ts) {
            t.requireSameTrajectory(SoftnessTable.trajectory(t.data()), t.data().resolve(SoftnessTable.SIDECAR), "softness");
        }
        for (TemperatureSet t : ts) {
            SoftnessTable st = SoftnessTable.read(t.data());
            PhopTable ph = PhopTable.read(t.phop());
            samples.add(TemperatureSet.sample(t.t(), st.s(), st.rows(), ph, threshold, req.lag()).withBlocks(req.blocks().blocks(st.rows())));
            man.input(t.data().resolve("softness.npy")).input(t.data().resolve("rows.npy")).input(t.phop().resolve("phop.npy")).input(t.phop().resolve("phop.json"));
            try {
                RearrangementDuration d = RearrangementDuration.of(ph.phop(), threshold);
                double dt = ph.frameSpacing();
                runSum += d.meanFrames() * dt * d.runs();
                runSum2 += Math.pow(d.stdErrFrames() * dt * d.runs(), 2);
                runs += d.runs();
            } catch (IllegalArgumentException e) {
                // no complete run at this temperature: τ_R comes from the others
            }
        }
        SoftnessBins b = req.bins() != null ? req.bins() : autoBins(samples);
        BarrierAnalysis.Result r = BarrierAnalysis.run(samples, new BarrierAnalysis.Options(b, req.bootstrap(), req.seed(), req.minEvents(), req.pMax(),
                req.kramers(), req.strict(), false));
        String onsetError = null;
        List<Double> onsetExcluded = List.of();
        if (req.onset() != Onset.NONE) {   // a refusal: the measured P(R|S) and per-bin fits are still written
            BarrierReport.Onset fit = req.onset() == Onset.BELOW_ONLY ? BarrierReport.fitOnsetBelowOnset(r, req.kramers(), req.minEvents(), req.pMax())
                    : BarrierReport.fitOnset(r, req.kramers(), req.minEvents(), req.pMax());
            r = fit.result();
            onsetError = fit.error();
            onsetExcluded = fit.excluded();
        }
        Files.createDirectories(out);   // only once the inputs are read and the analysis has run
        List<Path> outputs = new ArrayList<>();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", "softglass.barriers/1");
        j.put("variable", "S");
        j.put("bins", JsonFile.map("lo", b.lo(), "hi", b.hi(), "n", b.n()));
        BlockScheme blocks = req.blocks();
        j.put("bootstrap", JsonFile.map("replicates", req.bootstrap(), "seed", req.seed(), "blocks", blocks.label(),
                "note", blocks.frames() == 0 ? "P(R|S) errors: each particle's frames at a temperature resampled together (DESIGN 7b)"
                        : "P(R|S) errors: blocks of " + blocks.frames() + " consecutive frames of all particles resampled together (DESIGN 7b)"));
        j.putAll(BarrierReport.write(r, out, "S", outputs));
        Double tauR = runs > 0 ? runSum / runs : null;
        if (onsetError != null) j.put("onset_error", onsetError);
        if (req.onset() != Onset.NONE) j.put("onset_excluded_temperatures", onsetExcluded);
        if (tauR != null) j.put("tau_r", JsonFile.map("value", tauR, "err", Math.sqrt(runSum2) / runs, "runs", runs, "threshold", threshold));
        Path json = out.resolve("barriers.json");
        JsonFile.write(json, j);
        outputs.add(json);
        if (r.onset() != null && req.kramers()) {
            // the parameter file holds the Arrhenius form ln P = Σ − ΔE/T that the trap and TRSP models read;
            // Kramers parameters (ln P = Σ − ΔE/T − ln T) written there would be misread
            j.put("model_parameters", "not written: the Kramers fit has a different form from the one the models read");
            JsonFile.write(json, j);
        }
        Path pf = null;
        if (r.onset() != null && !req.kramers()) {
            if (tauR == null) {
                throw new org.softglass.core.util.Refusal("no complete p_hop > " + threshold + " run in any p_hop directory: tau_R, needed by the model-parameter file, is undefined");
            }
            pf = out.resolve("model-parameters.json");
            parameters(r, tauR, req.texts(), ctx.version()).write(pf);
            outputs.add(pf);
            var o = r.onset();
            man.result("eps0", o.eps0()).result("eps1", o.eps1()).result("eps2", o.eps2()).result("sigma0", o.sigma0()).result("t0", o.t0());
        }
        for (Path p : outputs) man.output(p);
        man.result("bins_fitted", r.fits().size()).result("dropped", r.dropped().size());
        if (onsetError != null) man.result("onset_error", onsetError);
        man.write(out.resolve("barriers.manifest.json"));
        return new Result(r, b, onsetError, onsetExcluded, tauR, pf);
    }

    /** The model parameters of a successful Arrhenius onset fit: ΔE(S), Σ(S), T0, ϱ(S) at the highest T, ⟨S⟩(T), τ_R. */
    private static ModelParameters parameters(BarrierAnalysis.Result r, double tauR, List<String> sets, String version) {
        var top = r.moments().get(r.moments().size() - 1);   // ϱ(S) from the temperature nearest T0: the highest given
        var o = r.onset();
        Map<String, Double> err = new LinkedHashMap<>();
        String[] names = {"eps0", "eps1", "eps2", "sigma0", "t0"};
        for (int i = 0; i < 5; i++) err.put("barriers." + names[i], o.errors()[i]);
        ModelParameters.MeanSoftness ms = null;
        if (r.meanS() != null) {
            ms = new ModelParameters.MeanSoftness(r.meanS().params()[0], r.meanS().params()[1]);
            err.put("meanS.a", r.meanS().scaledErrors()[0]);
            err.put("meanS.b", r.meanS().scaledErrors()[1]);
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("command", "barriers");
        prov.put("version", version);
        prov.put("sets", sets);
        prov.put("rho_from_temperature", top.t());
        prov.put("rho_method", "P_T(S) at that temperature inverted through eqs 10-11 of paper 000 (RhoInversion)");
        prov.put("form", "arrhenius");
        ModelParameters.Gaussian rho = RhoInversion.rho(top.mean(), top.std(), o.barriers(), top.t());
        return new ModelParameters(o.barriers(), rho, tauR, ms, null, null, null, err, prov);
    }

    /**
     * The pipeline's fallback when the onset fit refuses (e.g. no temperature significantly below its T0, which the
     * noisy statistics of a short run can give; the smoke preset is meant for that): the models cannot be parameterised
     * from this run, so {@code dir/model-parameters.json} gets the {@code ka-002} preset's ΔE(S), Σ(S), T0, ϱ(S) and
     * ⟨S⟩(T) (paper values where the papers give them) with the measured τ_R, and {@code dir/onset-source.json} and the
     * file's provenance say so and why. The measured P(R|S) and per-bin fits stay in {@code dir}.
     *
     * @param tauR the measured τ_R, or null: the preset's
     */
    public static void presetOnset(Path dir, Double tauR, String reason) throws IOException {
        ModelParameters pre = TrspPresets.ka002();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("command", "pipeline");
        prov.put("onset", "eps0, eps1, eps2, sigma0, t0, rho, meanS from the " + ONSET_PRESET + "; tauR measured; the onset fit was refused: " + reason);
        new ModelParameters(pre.barriers(), pre.rho(), tauR != null ? tauR : pre.tauR(), pre.meanS(), null, null, null, Map.of(), prov)
                .write(dir.resolve("model-parameters.json"));
        new OnsetSource(ONSET_PRESET, reason).write(dir.resolve("onset-source.json"));
    }

    /** 24 bins over the 0.5–99.5 % range of all finite values. */
    public static SoftnessBins autoBins(List<BarrierAnalysis.Sample> samples) {
        int n = 0;
        for (var s : samples) for (double v : s.s()) if (Double.isFinite(v)) n++;
        if (n < 2) throw new org.softglass.core.util.Refusal("fewer than 2 usable samples (finite value with a p_hop) in all sets");
        double[] all = new double[n];
        int k = 0;
        for (var s : samples) for (double v : s.s()) if (Double.isFinite(v)) all[k++] = v;
        Arrays.sort(all);
        double lo = all[(int) (0.005 * (n - 1))], hi = all[(int) Math.ceil(0.995 * (n - 1))];
        if (!(hi > lo)) hi = lo + 1;
        return new SoftnessBins(lo, hi + 1e-9 * Math.max(1, Math.abs(hi)), 24);
    }
}
