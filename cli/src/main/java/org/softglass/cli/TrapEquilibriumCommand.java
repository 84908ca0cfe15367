package org.softglass.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.plot.Plot;
import org.softglass.core.trap.Equilibrium;
import org.softglass.core.trap.TrapModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass trap equilibrium}: ⟨S⟩(T) and Var S (eqs 10–11, and by quadrature of eq 7).
 * Writes {@code equilibrium.csv} (T,inv_T,gamma,delta,mean_s,var_s,mean_s_numeric,var_s_numeric,k_mean),
 * {@code equilibrium_density.csv} (S,rho, then P_T for the first and last temperature),
 * {@code equilibrium_mean_s.png} (⟨S⟩ vs 1/T), {@code trap_parameters.json}, {@code equilibrium.manifest.json}.
 */
@Command(name = "equilibrium", mixinStandardHelpOptions = true,
        description = "Equilibrium <S>(T) and Var S of the trap-like model: eqs 10-11 and numerical integration of eq 7.")
final class TrapEquilibriumCommand implements Callable<Integer> {
    @Mixin TrapCommand.ModelOptions model = new TrapCommand.ModelOptions();

    @Option(names = {"-T", "--temperature"}, split = ",", paramLabel = "T", description = "Temperatures (comma list).")
    List<Double> temperatures;

    @Option(names = "--t-range", paramLabel = "MIN:MAX:N", description = "N temperatures evenly spaced in 1/T (default without -T: 0.35:1.2:60).")
    String range;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelParameters p = model.parameters();
        TrapModel m = TrapModel.of(p);
        List<Double> ts = TrapCommand.temperatures(temperatures, range, "0.35:1.2:60");
        for (double t : ts) m.checkTemperature(t);
        Path dir = TrapCommand.outDir(out);
        StringBuilder csv = new StringBuilder("T,inv_T,gamma,delta,mean_s,var_s,mean_s_numeric,var_s_numeric,k_mean\n");
        int n = ts.size();
        double[] x = new double[n], mean = new double[n], num = new double[n];
        double maxDiff = 0;
        for (int i = 0; i < n; i++) {
            double t = ts.get(i);
            Equilibrium.Moments q = Equilibrium.numeric(m, t);
            x[i] = 1 / t; mean[i] = m.meanS(t); num[i] = q.mean();
            maxDiff = Math.max(maxDiff, Math.max(Math.abs(q.mean() - m.meanS(t)), Math.abs(q.variance() - m.varS(t))));
            csv.append(t).append(',').append(1 / t).append(',').append(m.gamma(t)).append(',').append(m.delta(t)).append(',')
                    .append(m.meanS(t)).append(',').append(m.varS(t)).append(',').append(q.mean()).append(',').append(q.variance())
                    .append(',').append(m.rate(m.meanS(t), t)).append('\n');
        }
        Csv.writeText(dir.resolve("equilibrium.csv"), csv);
        double tLo = ts.get(0), tHi = ts.get(n - 1);
        StringBuilder dens = new StringBuilder("S,rho,P_T=" + tLo + (n > 1 ? ",P_T=" + tHi : "") + "\n");
        double lo = Math.min(m.s0() - 6 * m.sigma0(), m.meanS(tLo) - 6 * Math.sqrt(m.varS(tLo)));
        double hi = Math.max(m.s0() + 6 * m.sigma0(), m.meanS(tLo) + 6 * Math.sqrt(m.varS(tLo)));
        for (int i = 0; i <= 400; i++) {
            double s = lo + (hi - lo) * i / 400;
            dens.append(s).append(',').append(m.rho(s)).append(',').append(m.equilibriumDensity(s, tLo));
            if (n > 1) dens.append(',').append(m.equilibriumDensity(s, tHi));
            dens.append('\n');
        }
        Csv.writeText(dir.resolve("equilibrium_density.csv"), dens);
        Plot.xy("Trap-like model: equilibrium <S>", "1/T", "<S>").line("eq 10", x, mean).points("quadrature of eq 7", x, num)
                .save(dir.resolve("equilibrium_mean_s.png"));
        p.write(dir.resolve("trap_parameters.json"));
        Manifest man = new Manifest(Version.get(), "trap equilibrium");
        model.describe(man, p);
        man.param("temperatures", ts).output(dir.resolve("equilibrium.csv")).output(dir.resolve("equilibrium_density.csv"))
                .output(dir.resolve("equilibrium_mean_s.png")).output(dir.resolve("trap_parameters.json"))
                .result("max_abs_analytic_minus_numeric", maxDiff).write(dir.resolve("equilibrium.manifest.json"));
        return ExitCodes.OK;
    }
}
