package org.softglass.study.elastic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.softglass.core.dynamics.MesoelasticFit;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.StudyContext;

/**
 * The mesoelastic fit of paper 004, eq 3, {@code ln(τ_α/t0) = (ℓ̃ a0)² κ(T)/T + ln t̃} ({@link MesoelasticFit}), from a
 * CSV table with header columns {@code T}, {@code tau_alpha}, {@code kappa} and optionally {@code G} (one row per
 * temperature: κ and G of the stiffness and shear-modulus studies at T_p = T, τ_α of the self-dynamics study). Writes
 * {@code DIR/mesoelastic.json} (ℓ̃, t̃, slope, intercept with their errors, R²), {@code DIR/mesoelastic_fit.png},
 * {@code DIR/kappa_G_vs_T.png} (κ and G relative to the highest-T value against 1/T_p) and {@code DIR/manifest.json}.
 */
public final class MesoelasticStudy {
    private MesoelasticStudy() {}

    /**
     * @param density  the number density N/V (a0 = ρ^(−1/3))
     * @param minTauT0 fit only state points with τ_α/t0 ≥ this (the activated regime; 0 fits all)
     */
    public record Request(Path table, double density, double minTauT0) {
        public Request {
            if (!(density > 0)) throw new InvalidParameter("{density} must be > 0, got " + density);
            if (!(minTauT0 >= 0)) throw new InvalidParameter("{minTauT0} must be >= 0, got " + minTauT0);
        }
    }

    /** Fits the table of {@code req} and writes {@code outDir}. */
    public static MesoelasticFit run(Request req, Path outDir, StudyContext ctx) throws IOException {
        Path table = req.table();
        double density = req.density(), minTauT0 = req.minTauT0();
        CsvRows.Table tb = CsvRows.readTable(table);
        List<String> head = tb.header();
        int it = head.indexOf("T"), ia = head.indexOf("tau_alpha"), ik = head.indexOf("kappa"), ig = head.indexOf("G");
        if (it < 0 || ia < 0 || ik < 0) throw new InputFormatException(table.toString(), 1, "found header '" + String.join(",", head) + "', expected columns T, tau_alpha, kappa");
        List<double[]> rows = new ArrayList<>();
        for (int k = 0; k < tb.rows().size(); k++) {
            String[] p = tb.rows().get(k);
            try {
                rows.add(new double[] {Double.parseDouble(p[it]), Double.parseDouble(p[ia]), Double.parseDouble(p[ik]), ig >= 0 ? Double.parseDouble(p[ig]) : Double.NaN});
            } catch (RuntimeException e) {
                throw tb.error(k, "found '" + String.join(",", p) + "', expected " + head.size() + " numbers");
            }
        }
        rows.sort((x, y) -> Double.compare(y[0], x[0]));  // highest T first
        double[] t = rows.stream().mapToDouble(r -> r[0]).toArray(), tau = rows.stream().mapToDouble(r -> r[1]).toArray(),
                kap = rows.stream().mapToDouble(r -> r[2]).toArray(), g = rows.stream().mapToDouble(r -> r[3]).toArray();
        double a0 = Math.cbrt(1 / density);
        MesoelasticFit fit = MesoelasticFit.fit(t, tau, kap, a0, minTauT0);
        ElasticSupport.makeDir(outDir);
        Path json = outDir.resolve("mesoelastic.json"), fpng = outDir.resolve("mesoelastic_fit.png"), kpng = outDir.resolve("kappa_G_vs_T.png");
        JsonFile.write(json, JsonFile.map("a0", a0, "ell_tilde", JsonFile.finite(fit.ellTilde()), "ell_tilde_err", JsonFile.finite(fit.ellTildeErr()), "t_tilde", JsonFile.finite(fit.tTilde()),
                "t_tilde_err", JsonFile.finite(fit.tTildeErr()), "slope", fit.slope(), "slope_err", JsonFile.finite(fit.slopeErr()), "intercept", fit.intercept(),
                "intercept_err", JsonFile.finite(fit.interceptErr()), "r_squared", fit.rSquared(), "points", fit.x().length, "min_tau_over_t0", minTauT0,
                "excluded_temperatures", Arrays.stream(fit.excluded()).boxed().toList(),
                "error_note", "1 sigma from the scatter of the state points about the line (least squares, m - 2 degrees of freedom); "
                        + "null with 2 points"));
        double xmin = Arrays.stream(fit.x()).min().orElse(0), xmax = Arrays.stream(fit.x()).max().orElse(1);
        Plot.xy("mesoelastic fit: l~ = " + String.format(Locale.ROOT, "%.3g", fit.ellTilde()) + ", t~ = " + String.format(Locale.ROOT, "%.3g", fit.tTilde()),
                        "kappa(T)/T", "ln(tau_alpha/t0)")
                .points("data", fit.x(), fit.y())
                .line("fit", new double[] {xmin, xmax}, new double[] {fit.intercept() + fit.slope() * xmin, fit.intercept() + fit.slope() * xmax})
                .save(fpng);
        double[] inv = Arrays.stream(t).map(x -> 1 / x).toArray();
        Plot p = Plot.xy("relative change with annealing", "1/T_p", "X(T_p)/X(T_p,max)").points("kappa", inv, Arrays.stream(kap).map(x -> x / kap[0]).toArray());
        if (ig >= 0) p.points("G", inv, Arrays.stream(g).map(x -> x / g[0]).toArray());
        p.save(kpng);
        new Manifest(ctx.version(), "mesoelastic").param("density", density).input(table).output(json).output(fpng).output(kpng)
                .param("min_tau_over_t0", minTauT0)
                .result("ell_tilde", JsonFile.finite(fit.ellTilde())).result("t_tilde", JsonFile.finite(fit.tTilde())).result("r_squared", fit.rSquared())
                .write(outDir.resolve("manifest.json"));
        return fit;
    }
}
