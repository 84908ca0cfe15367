package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.dynamics.MesoelasticFit;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.study.elastic.ElasticSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass mesoelastic TABLE --out DIR --density RHO}: the mesoelastic fit of paper 004, eq 3,
 * {@code ln(τ_α/t0) = (ℓ̃ a0)² κ(T)/T + ln t̃}, from a CSV table with header columns {@code T},
 * {@code tau_alpha}, {@code kappa} and optionally {@code G} (one row per temperature; κ and G from
 * {@code stiffness} and {@code shear-modulus} at T_p = T, τ_α from {@code fs}). Writes
 * {@code DIR/mesoelastic.json} (ℓ̃, t̃, slope, intercept, R²), {@code DIR/mesoelastic_fit.png},
 * {@code DIR/kappa_G_vs_T.png} (κ and G relative to the highest-T value vs 1/T_p) and {@code DIR/manifest.json}.
 */
@Command(name = "mesoelastic", mixinStandardHelpOptions = true,
        description = {"Fit ln(tau_alpha/t0) = (l a0)^2 kappa/T + ln t (paper 004 eq 3) from a CSV with columns T,tau_alpha,kappa[,G].",
                "Writes DIR/mesoelastic.json, DIR/mesoelastic_fit.png, DIR/kappa_G_vs_T.png and DIR/manifest.json."})
final class MesoelasticCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TABLE", description = "CSV with a header naming T, tau_alpha, kappa and optionally G.")
    Path table;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--density", required = true, paramLabel = "RHO", description = "Number density N/V (a0 = RHO^(-1/3)).")
    double density;

    @Option(names = "--min-tau-t0", defaultValue = "10", paramLabel = "X",
            description = "Fit only state points with tau_alpha/t0 >= X: the activated regime, where paper 004 finds eq 3 valid "
                    + "(from t/t0 ~ 10); 0 fits all (default: ${DEFAULT-VALUE}).")
    double minTauT0;

    @Override
    public Integer call() throws IOException {
        if (!(density > 0)) throw new IllegalArgumentException("--density must be > 0, got " + density);
        if (!(minTauT0 >= 0)) throw new IllegalArgumentException("--min-tau-t0 must be >= 0, got " + minTauT0);
        List<String> lines = Csv.readLines(table);
        if (lines.isEmpty()) throw new InputFormatException(table.toString(), 1, "empty file, expected a header T,tau_alpha,kappa[,G]");
        List<String> head = Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
        int it = head.indexOf("T"), ia = head.indexOf("tau_alpha"), ik = head.indexOf("kappa"), ig = head.indexOf("G");
        if (it < 0 || ia < 0 || ik < 0) throw new InputFormatException(table.toString(), 1, "found header '" + lines.get(0) + "', expected columns T, tau_alpha, kappa");
        List<double[]> rows = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            if (lines.get(k).isBlank()) continue;
            String[] p = lines.get(k).split(",");
            try {
                rows.add(new double[] {Double.parseDouble(p[it].strip()), Double.parseDouble(p[ia].strip()), Double.parseDouble(p[ik].strip()),
                        ig >= 0 ? Double.parseDouble(p[ig].strip()) : Double.NaN});
            } catch (RuntimeException e) {
                throw new InputFormatException(table.toString(), k + 1, "found '" + lines.get(k) + "', expected " + head.size() + " numbers");
            }
        }
        rows.sort((x, y) -> Double.compare(y[0], x[0]));  // highest T first
        double[] t = rows.stream().mapToDouble(r -> r[0]).toArray(), tau = rows.stream().mapToDouble(r -> r[1]).toArray(),
                kap = rows.stream().mapToDouble(r -> r[2]).toArray(), g = rows.stream().mapToDouble(r -> r[3]).toArray();
        double a0 = Math.cbrt(1 / density);
        MesoelasticFit fit = MesoelasticFit.fit(t, tau, kap, a0, minTauT0);
        ElasticSupport.makeDir(outDir);
        Path json = outDir.resolve("mesoelastic.json"), fpng = outDir.resolve("mesoelastic_fit.png"), kpng = outDir.resolve("kappa_G_vs_T.png");
        Csv.json(json, Csv.map("a0", a0, "ell_tilde", fin(fit.ellTilde()), "ell_tilde_err", fin(fit.ellTildeErr()), "t_tilde", fin(fit.tTilde()),
                "t_tilde_err", fin(fit.tTildeErr()), "slope", fit.slope(), "slope_err", fin(fit.slopeErr()), "intercept", fit.intercept(),
                "intercept_err", fin(fit.interceptErr()), "r_squared", fit.rSquared(), "points", fit.x().length, "min_tau_over_t0", minTauT0,
                "excluded_temperatures", Arrays.stream(fit.excluded()).boxed().toList(),
                "error_note", "1 sigma from the scatter of the state points about the line (least squares, m - 2 degrees of freedom); "
                        + "null with 2 points"));
        double xmin = Arrays.stream(fit.x()).min().orElse(0), xmax = Arrays.stream(fit.x()).max().orElse(1);
        Plot.xy("mesoelastic fit: l~ = " + String.format("%.3g", fit.ellTilde()) + ", t~ = " + String.format("%.3g", fit.tTilde()),
                        "kappa(T)/T", "ln(tau_alpha/t0)")
                .points("data", fit.x(), fit.y())
                .line("fit", new double[] {xmin, xmax}, new double[] {fit.intercept() + fit.slope() * xmin, fit.intercept() + fit.slope() * xmax})
                .save(fpng);
        double[] inv = Arrays.stream(t).map(x -> 1 / x).toArray();
        Plot p = Plot.xy("relative change with annealing", "1/T_p", "X(T_p)/X(T_p,max)").points("kappa", inv, Arrays.stream(kap).map(x -> x / kap[0]).toArray());
        if (ig >= 0) p.points("G", inv, Arrays.stream(g).map(x -> x / g[0]).toArray());
        p.save(kpng);
        new Manifest(Version.get(), "mesoelastic").param("density", density).input(table).output(json).output(fpng).output(kpng)
                .param("min_tau_over_t0", minTauT0)
                .result("ell_tilde", fin(fit.ellTilde())).result("t_tilde", fin(fit.tTilde())).result("r_squared", fit.rSquared())
                .write(outDir.resolve("manifest.json"));
        System.out.printf("mesoelastic: l~ = %.4g +- %.2g, t~ = %.4g +- %.2g, R^2 = %.4f (%d points with tau_alpha/t0 >= %s; %d left out)%n",
                fit.ellTilde(), fit.ellTildeErr(), fit.tTilde(), fit.tTildeErr(), fit.rSquared(), fit.x().length, Csv.fmt(minTauT0),
                fit.excluded().length);
        return ExitCodes.OK;
    }

    private static Double fin(double v) { return Double.isFinite(v) ? v : null; }
}
