package org.softglass.cli.models;

import org.softglass.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.TrspEnsemble;
import org.softglass.core.trsp.ClusterShape;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.trsp.WindowedKick;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code softglass trsp check}: resolves the model at each temperature and prints one line per
 * temperature and cluster shape: the FFT eigenvalue range of K, c, the observed and bare rate
 * parameters, λ_max of K_Δ K'⁻¹ and the window sizes. A bad parameter set stops with the one-line
 * error naming the parameter (exit code 2).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Resolve the TRSP model and report K, the renormalised rates, λ_max and the kick window; fails on bad parameters.")
final class TrspCheckCommand implements Callable<Integer> {
    @Mixin TrspModelOptions model;

    @Option(names = {"-T", "--temperature", "--T"}, required = true, split = ",", paramLabel = "T[,T...]", description = "Temperatures (comma list; --T is the older spelling).")
    List<Double> temperatures;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ModelParameters p = model.parameters();
        PrintWriter out = spec.commandLine().getOut();
        out.println("T,shape,K_min_eig,K_max_eig,c,lnA,gamma,delta,lnA0,gamma0,delta0,lambda_max,window_rows,window_cols");
        for (double t : TrspModelOptions.temperatures(temperatures, "--T")) {
            TrspModel m = model.model(p, t);
            for (ClusterShape sh : m.shapes()) {
                WindowedKick k = TrspEnsemble.kick(m, sh, model.tol);
                out.printf(java.util.Locale.ROOT, "%g,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g,%.6f,%d,%d%n", t, sh,
                        m.covariance().minEigenvalue(), m.covariance().maxEigenvalue(), m.c(), m.observed().logA(), m.observed().gamma(),
                        m.observed().delta(), m.bare().logA(), m.bare().gamma(), m.bare().delta(), k.lambdaMax(), k.rowCount(), k.columnCount());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
