package org.softglass.cli.models;

import org.softglass.cli.options.OutputDir;
import org.softglass.cli.Csv;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import org.softglass.cli.Progress;
import org.softglass.cli.Version;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.Fragility;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.TauTable;
import org.softglass.core.trap.TrapModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap fragility}: eq 22 for the model's relaxation time (τ_Q, τ_½ or τ_χ at each
 * temperature of {@code --t-range} below {@code --fit-max-t}) and, with {@code --md FILE}, for an MD τ(T)
 * table ({@link TauTable} CSV). Writes {@code fragility.csv} (source,T,tau,tau_fit,Tg_over_T),
 * {@code fragility.json} (per source: a, b, c, T_on, J, T_g, m (natural log), m_decimal (Angell's log10), rms, points;
 * {@code definitions} says which is which),
 * {@code fragility.png} (τ vs T_g/T, log τ) and {@code fragility.manifest.json}.
 */
@Command(name = "fragility", mixinStandardHelpOptions = true,
        description = {"Fragility index m = d ln tau / d(T_g/T) at T_g (eq 22) of the trap-like model and/or an MD tau(T) table.",
                "T_g is where a parabolic-law fit of ln tau vs 1/T reaches tau_g; for the trap-like model's tau and/or an MD tau(T) table (CSV: T,tau with optional header)."})
final class TrapFragilityCommand implements Callable<Integer> {
    @Mixin TrapCommand.ModelOptions model = new TrapCommand.ModelOptions();

    @Option(names = {"-T", "--temperature"}, split = ",", paramLabel = "T", description = "Model temperatures (comma list).")
    List<Double> temperatures;

    @Option(names = "--t-range", paramLabel = "MIN:MAX:N", description = "Model temperatures evenly spaced in 1/T (default without -T: 0.40:0.85:19).")
    String range;

    @Option(names = "--tau", defaultValue = "Q", description = "Model relaxation time: Q (Q = 1/e), half (Q = 1/2) or chi (chi4 peak); default: ${DEFAULT-VALUE}.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    String tau;

    @Option(names = "--fit-max-t", description = "Fit only model temperatures below this (default: T0, above which the model is Arrhenius).")
    Double fitMaxT;

    @Option(names = "--md", paramLabel = "FILE", description = "MD relaxation-time table (CSV, columns T and tau...).")
    Path md;

    @Option(names = "--no-model", description = "Only the MD table.")
    boolean noModel;

    @Option(names = "--tau-g", defaultValue = "1e7", description = "tau at T_g, in the time unit of the data.")
    double tauG;

    @Option(names = "--tg", description = "Also report m at this fixed T_g (000 uses T_g = 0.40 for KA); 'm_at_fixed_tg' in fragility.json.")
    Double tgFixed;

    @picocli.CommandLine.Mixin
    OutputDir output = new OutputDir();

    @Option(names = "--quiet", description = "No progress output.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        OptionChecks.positive(tauG, "--tau-g");
        if (tgFixed != null) OptionChecks.positive(tgFixed, "--tg");
        if (fitMaxT != null) OptionChecks.positive(fitMaxT, "--fit-max-t");
        if (noModel && md == null) throw new IllegalArgumentException("--no-model needs --md FILE");
        TauTable mdTable = md != null ? TauTable.read(md) : null;
        ModelParameters p = model.parameters();
        TrapModel m = TrapModel.of(p);
        Path dir = TrapCommand.outDir(output.dir());
        StringBuilder csv = new StringBuilder("source,T,tau,tau_fit,Tg_over_T\n");
        Map<String, Object> json = new LinkedHashMap<>();
        Plot plot = Plot.xy("Fragility (eq 22)", "T_g/T", "tau").logY();
        Manifest man = new Manifest(Version.get(), "trap fragility");
        if (!noModel) {
            List<Double> ts = TrapCommand.temperatures(temperatures, range, "0.40:0.85:19");
            double cut = fitMaxT != null ? fitMaxT : m.t0();
            List<Double> fitT = ts.stream().filter(t -> t < cut).toList();
            if (fitT.size() < 3) throw new IllegalArgumentException("fragility: need at least 3 model temperatures below " + cut + ", got " + fitT.size());
            double[] tt = TrapCommand.toArray(fitT), taus = new double[tt.length];
            try (Progress progress = Progress.of("trap fragility", tt.length, "T", quiet)) {
                for (int i = 0; i < tt.length; i++) {
                    Relaxation r = new Relaxation(m, tt[i]);
                    taus[i] = switch (tau.toLowerCase(java.util.Locale.ROOT)) {
                        case "q" -> r.timeAt(Math.exp(-1));
                        case "half" -> r.timeAt(0.5);
                        case "chi" -> r.summary(model.m()).tauChi();
                        default -> throw new IllegalArgumentException("--tau: expected Q, half or chi, got '" + tau + "'");
                    };
                    progress.step();
                }
            }
            add("model", tt, taus, csv, json, plot);
            model.describe(man, p);
            man.param("model_temperatures", fitT).param("tau", tau);
            p.write(dir.resolve("trap_parameters.json"));
            man.output(dir.resolve("trap_parameters.json"));
        }
        if (mdTable != null) {
            add("md", mdTable.temperatures(), mdTable.taus(), csv, json, plot);
            man.input(md);
        }
        json.put("definitions", DEFINITIONS);
        Csv.writeText(dir.resolve("fragility.csv"), csv);
        Csv.writeText(dir.resolve("fragility.json"),
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        plot.save(dir.resolve("fragility.png"));
        man.param("tau_g", tauG).output(dir.resolve("fragility.csv")).output(dir.resolve("fragility.json")).output(dir.resolve("fragility.png"));
        json.forEach(man::result);
        man.write(dir.resolve("fragility.manifest.json"));
        return ExitCodes.OK;
    }

    /** What each index in {@code fragility.json} is, so a reader need not guess the logarithm's base. */
    static final Map<String, String> DEFINITIONS = Map.of(
            "m", "d ln(tau) / d(T_g/T) at T = T_g: natural logarithm, as paper 000 eq 22 prints it",
            "m_decimal", "d log10(tau) / d(T_g/T) at T = T_g: Angell's fragility index, m / ln 10",
            "T_g", "temperature where the parabolic law ln tau = a + b/T + c/T^2 reaches --tau-g");

    private void add(String source, double[] ts, double[] taus, StringBuilder csv, Map<String, Object> json, Plot plot) {
        Fragility.Fit f;
        try {
            f = Fragility.fit(ts, taus, tauG);
        } catch (IllegalArgumentException e) {
            throw e instanceof org.softglass.core.util.NumericalFailure ? new org.softglass.core.util.NumericalFailure(source + " " + e.getMessage(), e)
                    : e instanceof org.softglass.core.util.Refusal ? new org.softglass.core.util.Refusal(source + " " + e.getMessage(), e)
                    : new IllegalArgumentException(source + " " + e.getMessage(), e);
        }
        double[] x = new double[ts.length], fit = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            x[i] = f.tg() / ts[i];
            fit[i] = Math.exp(f.logTau(ts[i]));
            csv.append(source).append(',').append(ts[i]).append(',').append(taus[i]).append(',').append(fit[i]).append(',').append(x[i]).append('\n');
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("a", f.a()); o.put("b", f.b()); o.put("c", f.c()); o.put("T_on", f.tOnset()); o.put("J", f.j());
        o.put("T_g", f.tg()); o.put("m", f.m()); o.put("m_decimal", f.mDecimal()); o.put("rms_ln_tau", f.rms()); o.put("points", f.points());
        if (tgFixed != null) { o.put("fixed_T_g", tgFixed); o.put("m_at_fixed_tg", f.mAt(tgFixed)); }
        json.put(source, o);
        // the fitted law from the hottest point to T_g
        int n = 100;
        double[] xs = new double[n], ys = new double[n];
        double tHot = java.util.Arrays.stream(ts).max().orElseThrow();
        for (int i = 0; i < n; i++) {
            double t = 1 / (1 / tHot + (1 / f.tg() - 1 / tHot) * i / (n - 1));
            xs[i] = f.tg() / t; ys[i] = Math.exp(f.logTau(t));
        }
        plot.points(source + String.format(" (T_g=%.4g, m=%.4g natural log, %.4g Angell log10)", f.tg(), f.m(), f.mDecimal()), x, taus).line(source + " parabolic fit", xs, ys);
    }
}
