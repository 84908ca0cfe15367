package org.softglass.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.BlockScheme;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.barriers.RearrangementDuration;
import org.softglass.core.barriers.SoftnessBins;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.softness.SoftnessTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code softglass barriers --set T=..:SOFTNESS_DIR:PHOP_DIR ... --out DIR}: P(S) and P(R|S,T)
 * (rearranging = p_hop &gt; 0.2, DESIGN §4), per-bin Arrhenius/Kramers fits, the global onset fit,
 * ⟨S⟩(T), σ_S(T), τ_R, and the model-parameter file. Errors of P(R|S,T) come from a block
 * bootstrap, by default over particles (each particle's frames resampled together, so that the
 * consecutive frames of one event are not counted as independent), or over time blocks with
 * {@code --bootstrap-blocks frames:K} ({@link BlockScheme},
 * {@link org.softglass.core.barriers.ConditionalProbability}, DESIGN §7b), and the fits scale their errors by √(χ²/dof) where χ²/dof &gt; 1 and say so in
 * {@code barriers.json} ({@code error_scale}, {@code errors_scaled_by_chi2}). Each set's softness and p_hop must come from the
 * same trajectory (the SHA-256 in softness.json and phop.json, {@link TemperatureSet#requireSameTrajectory}),
 * checked for every set before any output is written.
 */
@Command(name = "barriers", mixinStandardHelpOptions = true,
        description = {"Energy barriers from softness and p_hop at several temperatures (papers 001, 000, 003).",
                "Writes DIR/prs.csv, DIR/arrhenius.csv, DIR/barriers.json, DIR/model-parameters.json (when the onset fit is run),",
                "DIR/prs.png, DIR/barriers.png and DIR/barriers.manifest.json."})
final class BarriersCommand implements Callable<Integer> {
    @Option(names = "--set", required = true, paramLabel = "T=TEMP:SOFTNESS_DIR:PHOP_DIR",
            description = "One temperature: its softness directory (softness.npy, rows.npy) and p_hop directory (phop.npy, phop.json). Repeat, at least twice.")
    List<String> sets;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--bins", paramLabel = "LO:HI:N", description = "Softness bins (default: 24 bins over the 0.5-99.5 percent range of all S).")
    String bins;

    @Option(names = "--p-threshold", defaultValue = "0.2", description = "Rearranging when p_hop > this (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--lag", defaultValue = "0", description = "Label a row by p_hop this many frames after its structure (default: ${DEFAULT-VALUE}).")
    int lag;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Block-bootstrap replicates for P(R|S) errors; a block is one particle's "
            + "whole time series at a temperature (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--bootstrap-blocks", defaultValue = "particle", paramLabel = "particle|frames:K",
            description = "Blocks resampled whole by the P(R|S) bootstrap: 'particle' (each particle's time series) or 'frames:K' "
                    + "(K consecutive frames of all particles; K should exceed the rearrangement duration in frames) (default: ${DEFAULT-VALUE}).")
    String bootstrapBlocks;

    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--min-events", defaultValue = "10", description = "Fewest rearrangements for a usable (bin, T) point (default: ${DEFAULT-VALUE}).")
    long minEvents;

    @Option(names = "--p-max", defaultValue = "0.9", description = "P(R|S) at or above which a point is refused as saturated (default: ${DEFAULT-VALUE}).")
    double pMax;

    @Option(names = "--kramers", description = "Fit the Kramers form P = (1/T) exp(Sigma - DeltaE/T) of paper 003.")
    boolean kramers;

    @Option(names = "--strict", description = "Refuse (error) instead of dropping points with too few rearrangements or P(R|S) ~ 1.")
    boolean strict;

    @Option(names = "--no-onset", description = "Skip the global onset fit (and the model-parameter file).")
    boolean noOnset;

    @Option(names = "--onset-below-only", description = "Leave the highest temperatures out of the onset fit, one at a time, while the fit "
            + "finds them at or above its T0 (they stay in P(R|S) and the per-bin fits); barriers.json lists them.")
    boolean onsetBelowOnly;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws Exception {
        if (bins != null) Csv.bins(bins, "--bins"); // checked before any input is read
        OptionChecks.positive(threshold, "--p-threshold");
        OptionChecks.atLeast(bootstrap, 0, "--bootstrap");
        OptionChecks.atLeast(minEvents, 0, "--min-events");
        OptionChecks.inRange(pMax, Double.MIN_VALUE, 1, "--p-max");
        if (lag < 0) throw new IllegalArgumentException("--lag must be >= 0, got " + lag);
        BlockScheme blocks = blockScheme(bootstrapBlocks);
        List<TemperatureSet> ts = sets.stream().map(TemperatureSet::parse).toList();
        List<BarrierAnalysis.Sample> samples = new ArrayList<>();
        Manifest man = new Manifest(Version.get(), "barriers").param("sets", sets).param("p_threshold", threshold).param("lag", lag)
                .param("bootstrap", bootstrap).param("bootstrap_blocks", blocks.label()).param("seed", seed).param("min_events", minEvents).param("p_max", pMax)
                .param("kramers", kramers).param("strict", strict).param("onset_below_only", onsetBelowOnly);
        double runSum = 0, runSum2 = 0;
        long runs = 0;
        for (TemperatureSet t : ts) {
            t.requireSameTrajectory(SoftnessTable.trajectory(t.data()), t.data().resolve(SoftnessTable.SIDECAR), "softness");
        }
        for (TemperatureSet t : ts) {
            SoftnessTable st = SoftnessTable.read(t.data());
            PhopTable ph = PhopTable.read(t.phop());
            samples.add(TemperatureSet.sample(t.t(), st.s(), st.rows(), ph, threshold, lag).withBlocks(blocks.blocks(st.rows())));
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
        SoftnessBins b = bins != null ? Csv.bins(bins, "--bins") : autoBins(samples);
        BarrierAnalysis.Result r = BarrierAnalysis.run(samples, new BarrierAnalysis.Options(b, bootstrap, seed, minEvents, pMax, kramers, strict, false));
        String onsetError = null;
        List<Double> onsetExcluded = List.of();
        if (!noOnset) {   // a refusal: the measured P(R|S) and per-bin fits are still written, then the error is reported
            BarrierReport.Onset fit = onsetBelowOnly ? BarrierReport.fitOnsetBelowOnset(r, kramers, minEvents, pMax)
                    : BarrierReport.fitOnset(r, kramers, minEvents, pMax);
            r = fit.result();
            onsetError = fit.error();
            onsetExcluded = fit.excluded();
        }
        Files.createDirectories(out);   // only once the inputs are read and the analysis has run
        List<Path> outputs = new ArrayList<>();
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("schema", "softglass.barriers/1");
        j.put("variable", "S");
        j.put("bins", Csv.map("lo", b.lo(), "hi", b.hi(), "n", b.n()));
        j.put("bootstrap", Csv.map("replicates", bootstrap, "seed", seed, "blocks", blocks.label(),
                "note", blocks.frames() == 0 ? "P(R|S) errors: each particle's frames at a temperature resampled together (DESIGN 7b)"
                        : "P(R|S) errors: blocks of " + blocks.frames() + " consecutive frames of all particles resampled together (DESIGN 7b)"));
        j.putAll(BarrierReport.write(r, out, "S", outputs));
        Double tauR = runs > 0 ? runSum / runs : null;
        if (onsetError != null) j.put("onset_error", onsetError);
        if (!noOnset) j.put("onset_excluded_temperatures", onsetExcluded);
        if (tauR != null) j.put("tau_r", Csv.map("value", tauR, "err", Math.sqrt(runSum2) / runs, "runs", runs, "threshold", threshold));
        Path json = out.resolve("barriers.json");
        Csv.json(json, j);
        outputs.add(json);
        if (r.onset() != null && kramers) {
            // the parameter file holds the Arrhenius form ln P = Σ − ΔE/T that the trap and TRSP models read;
            // Kramers parameters (ln P = Σ − ΔE/T − ln T) written there would be misread
            j.put("model_parameters", "not written: --kramers fits a different form from the one the models read");
            Csv.json(json, j);
        }
        if (r.onset() != null && !kramers) {
            if (tauR == null) throw new IllegalArgumentException("no complete p_hop > " + threshold + " run in any p_hop directory: tau_R, needed by the model-parameter file, is undefined");
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
            prov.put("version", Version.get());
            prov.put("sets", sets);
            prov.put("rho_from_temperature", top.t());
            prov.put("rho_method", "P_T(S) at that temperature inverted through eqs 10-11 of paper 000 (RhoInversion)");
            prov.put("form", "arrhenius");
            ModelParameters.Gaussian rho = org.softglass.core.barriers.RhoInversion.rho(top.mean(), top.std(), o.barriers(), top.t());
            ModelParameters mp = new ModelParameters(o.barriers(), rho, tauR, ms, null, null, null, err, prov);
            Path pf = out.resolve("model-parameters.json");
            mp.write(pf);
            outputs.add(pf);
            man.result("eps0", o.eps0()).result("eps1", o.eps1()).result("eps2", o.eps2()).result("sigma0", o.sigma0()).result("t0", o.t0());
        }
        for (Path p : outputs) man.output(p);
        man.result("bins_fitted", r.fits().size()).result("dropped", r.dropped().size());
        if (onsetError != null) man.result("onset_error", onsetError);
        man.write(out.resolve("barriers.manifest.json"));
        if (onsetError != null) {
            throw new org.softglass.core.util.Refusal(onsetError + " (P(R|S) and the per-bin fits are in " + out + "; no model-parameter file was written)");
        }
        if (!run.quiet()) {
            System.out.println(r.fits().size() + " bins fitted, " + r.dropped().size() + " points/bins dropped (listed in barriers.json)"
                    + (r.onset() != null ? "; T0 = " + Csv.fmt(r.onset().t0()) + ", eps1 = " + Csv.fmt(r.onset().eps1()) : ""));
        }
        return ExitCodes.OK;
    }

    /** {@code --bootstrap-blocks}: "particle" or "frames:K" with K ≥ 1. */
    static BlockScheme blockScheme(String spec) {
        String usage = "--bootstrap-blocks: expected 'particle' or 'frames:K' with K >= 1 frames per block, got '" + spec + "'";
        if (spec.equals("particle")) return BlockScheme.particles();
        if (!spec.startsWith("frames:")) throw new IllegalArgumentException(usage);
        try {
            int k = Integer.parseInt(spec.substring("frames:".length()));
            if (k < 1) throw new IllegalArgumentException(usage);
            return BlockScheme.frames(k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
    }

    /** 24 bins over the 0.5–99.5 % range of all finite values. */
    static SoftnessBins autoBins(List<BarrierAnalysis.Sample> samples) {
        int n = 0;
        for (var s : samples) for (double v : s.s()) if (Double.isFinite(v)) n++;
        if (n < 2) throw new IllegalArgumentException("fewer than 2 usable samples (finite value with a p_hop) in all sets");
        double[] all = new double[n];
        int k = 0;
        for (var s : samples) for (double v : s.s()) if (Double.isFinite(v)) all[k++] = v;
        Arrays.sort(all);
        double lo = all[(int) (0.005 * (n - 1))], hi = all[(int) Math.ceil(0.995 * (n - 1))];
        if (!(hi > lo)) hi = lo + 1;
        return new SoftnessBins(lo, hi + 1e-9 * Math.max(1, Math.abs(hi)), 24);
    }
}
