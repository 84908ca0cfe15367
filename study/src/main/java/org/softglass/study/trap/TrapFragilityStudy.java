package org.softglass.study.trap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.Fragility;
import org.softglass.core.trap.Relaxation;
import org.softglass.core.trap.TauTable;
import org.softglass.core.trap.TrapModel;
import org.softglass.core.util.InvalidParameter;
import org.softglass.core.util.Refusal;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The fragility of paper {@code 000} (eq 22) of the trap-like model's relaxation time and/or an MD τ(T) table: a
 * parabolic law ln τ = a + b/T + c/T² fitted to (T, τ) ({@link Fragility#fit}), T_g where it reaches τ_g, and
 *
 * <ul>
 *   <li>{@code m} = d ln τ / d(T_g/T) at T = T_g, with the <b>natural</b> logarithm, as eq 22 prints it (= x(b + 2cx),
 *       x = 1/T_g);</li>
 *   <li>{@code m_decimal} = d log₁₀ τ / d(T_g/T) at T_g = m / ln 10: <b>Angell's</b> fragility index (log10), the one
 *       tables of glass formers quote.</li>
 * </ul>
 * The output says so too: {@code fragility.json} carries {@link #DEFINITIONS} and the plot's legend names both bases.
 *
 * <p>The model's τ at each temperature below the cut ({@code fitMaxT}, default T0: above it the model is Arrhenius) is
 * τ_Q (Q = 1/e), τ_½ (Q = 1/2) or τ_χ (the peak of χ4 = m(Q − Q²)) of {@link Relaxation}. Writes {@code fragility.csv}
 * (source,T,tau,tau_fit,Tg_over_T), {@code fragility.json} (per source: a, b, c, T_on, J, T_g, m, m_decimal,
 * rms_ln_tau, points[, fixed_T_g, m_at_fixed_tg]; and {@code definitions}), {@code fragility.png} (τ against T_g/T, log
 * τ), with the model {@code trap_parameters.json}, and {@code fragility.manifest.json}.
 */
public final class TrapFragilityStudy {
    /** The header of fragility.csv. */
    public static final String CSV_HEADER = "source,T,tau,tau_fit,Tg_over_T";

    /**
     * What each index in {@code fragility.json} is, so a reader need not guess the logarithm's base; in this order
     * (a {@link LinkedHashMap}: the file's bytes do not depend on the JVM's per-run hash seed, as with {@code Map.of}).
     */
    public static final Map<String, String> DEFINITIONS = definitions();

    private static Map<String, String> definitions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("m", "d ln(tau) / d(T_g/T) at T = T_g: natural logarithm, as paper 000 eq 22 prints it");
        d.put("m_decimal", "d log10(tau) / d(T_g/T) at T = T_g: Angell's fragility index, m / ln 10");
        d.put("T_g", "temperature where the parabolic law ln tau = a + b/T + c/T^2 reaches --tau-g");
        return java.util.Collections.unmodifiableMap(d);
    }

    private TrapFragilityStudy() {}

    /**
     * The model's side of the fit.
     *
     * @param model        the trap-like model (its m only matters for τ_χ, where it must be &gt; 0)
     * @param temperatures the model temperatures; those below the cut are fitted (at least 3)
     * @param tau          which relaxation time: {@code Q}, {@code half} or {@code chi} (any case), recorded as given
     * @param fitMaxT      the cut (&gt; 0), or null for the model's T0
     */
    public record ModelSide(TrapStudy.Model model, List<Double> temperatures, String tau, Double fitMaxT) {
        public ModelSide {
            temperatures = List.copyOf(temperatures);
        }
    }

    /**
     * @param model   the model's side, or null for the MD table only
     * @param md      an MD τ(T) table ({@link TauTable} CSV: T,tau), or null
     * @param tauG    τ at T_g, in the time unit of the data, &gt; 0
     * @param tgFixed also report m at this fixed T_g (&gt; 0; {@code m_at_fixed_tg}), or null
     */
    public record Request(ModelSide model, Path md, double tauG, Double tgFixed) {
        public Request {
            Checks.positive(tauG, "tauG");
            if (tgFixed != null) Checks.positive(tgFixed, "tg");
            if (model != null && model.fitMaxT() != null) Checks.positive(model.fitMaxT(), "fitMaxT");
            if (model == null && md == null) throw new InvalidParameter("{noModel} needs {md} FILE");
        }
    }

    /** The fits: the model's and the MD table's, each null when not asked for. */
    public record Result(Fragility.Fit model, Fragility.Fit md) {}

    /** Reads the MD table, computes the model's τ(T), fits both and writes the outputs into {@code dir}. */
    public static Result run(Request req, Path dir, StudyContext ctx) throws IOException {
        TauTable mdTable = req.md() != null ? TauTable.read(req.md()) : null;
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder(CSV_HEADER + "\n");
        Map<String, Object> json = new LinkedHashMap<>();
        Plot plot = Plot.xy("Fragility (eq 22)", "T_g/T", "tau").logY();
        Manifest man = new Manifest(ctx.version(), "trap fragility");
        Fragility.Fit modelFit = null, mdFit = null;
        ModelSide side = req.model();
        if (side != null) {
            TrapModel m = TrapModel.of(side.model().params());
            double cut = side.fitMaxT() != null ? side.fitMaxT() : m.t0();
            List<Double> fitT = side.temperatures().stream().filter(t -> t < cut).toList();
            if (fitT.size() < 3) throw new InvalidParameter("fragility: need at least 3 model temperatures below " + cut + ", got " + fitT.size());
            double[] tt = fitT.stream().mapToDouble(Double::doubleValue).toArray(), taus = new double[tt.length];
            try (StudyContext.Meter progress = ctx.progress().start("trap fragility", tt.length, "T")) {
                for (int i = 0; i < tt.length; i++) {
                    taus[i] = tau(new Relaxation(m, tt[i]), side);
                    progress.stepTo(i + 1);
                }
            }
            modelFit = add("model", tt, taus, req, csv, json, plot);
            side.model().describe(man);
            man.param("model_temperatures", fitT).param("tau", side.tau());
            side.model().params().write(dir.resolve("trap_parameters.json"));
            man.output(dir.resolve("trap_parameters.json"));
        }
        if (mdTable != null) {
            mdFit = add("md", mdTable.temperatures(), mdTable.taus(), req, csv, json, plot);
            man.input(req.md());
        }
        json.put("definitions", DEFINITIONS);
        CsvRows.writeText(dir.resolve("fragility.csv"), csv);
        CsvRows.writeText(dir.resolve("fragility.json"), JsonFile.pretty(json) + "\n");
        plot.save(dir.resolve("fragility.png"));
        man.param("tau_g", req.tauG()).output(dir.resolve("fragility.csv")).output(dir.resolve("fragility.json")).output(dir.resolve("fragility.png"));
        json.forEach(man::result);
        man.write(dir.resolve("fragility.manifest.json"));
        return new Result(modelFit, mdFit);
    }

    /** The relaxation time {@code side.tau()} names. */
    private static double tau(Relaxation r, ModelSide side) {
        return switch (side.tau().toLowerCase(Locale.ROOT)) {
            case "q" -> r.timeAt(Math.exp(-1));
            case "half" -> r.timeAt(0.5);
            case "chi" -> {
                double mSite = side.model().m();
                if (!(mSite > 0) || !Double.isFinite(mSite)) throw new InvalidParameter("{m} must be > 0, got " + mSite);
                yield r.summary(mSite).tauChi();
            }
            default -> throw new InvalidParameter("{tau}: expected Q, half or chi, got '" + side.tau() + "'");
        };
    }

    /** Fits one source, appends its rows, its JSON object and its points and fitted law to the plot. */
    private static Fragility.Fit add(String source, double[] ts, double[] taus, Request req, StringBuilder csv, Map<String, Object> json, Plot plot) {
        Fragility.Fit f;
        try {
            f = Fragility.fit(ts, taus, req.tauG());
        } catch (IllegalArgumentException e) {
            throw e instanceof org.softglass.core.util.NumericalFailure ? new org.softglass.core.util.NumericalFailure(source + " " + e.getMessage(), e)
                    : e instanceof Refusal ? new Refusal(source + " " + e.getMessage(), e)
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
        if (req.tgFixed() != null) { o.put("fixed_T_g", req.tgFixed()); o.put("m_at_fixed_tg", f.mAt(req.tgFixed())); }
        json.put(source, o);
        // the fitted law from the hottest point to T_g
        int n = 100;
        double[] xs = new double[n], ys = new double[n];
        double tHot = Arrays.stream(ts).max().orElseThrow();
        for (int i = 0; i < n; i++) {
            double t = 1 / (1 / tHot + (1 / f.tg() - 1 / tHot) * i / (n - 1));
            xs[i] = f.tg() / t; ys[i] = Math.exp(f.logTau(t));
        }
        plot.points(source + String.format(" (T_g=%.4g, m=%.4g natural log, %.4g Angell log10)", f.tg(), f.m(), f.mDecimal()), x, taus)
                .line(source + " parabolic fit", xs, ys);
        return f;
    }
}
