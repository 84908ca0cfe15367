package org.softglass.cli.models;

import org.softglass.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.softglass.study.trsp.TrspCheckStudy;
import org.softglass.study.trsp.TrspSetup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code softglass trsp check}: resolves the model at each temperature and prints one line per
 * temperature and cluster shape: the FFT eigenvalue range of K, c, the observed and bare rate
 * parameters, λ_max of K_Δ K'⁻¹ and the window sizes. A bad parameter set stops with the one-line
 * error naming the parameter (exit code 2), after the lines of the temperatures and shapes before it
 * ({@link TrspCheckStudy}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Resolve the TRSP model and report K, the renormalised rates, λ_max and the kick window; fails on bad parameters.")
final class TrspCheckCommand implements Callable<Integer> {
    @Mixin TrspModelOptions model;

    @Mixin TrspTemperatures temperatures = new TrspTemperatures();

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrspSetup setup = model.setup();
        PrintWriter out = spec.commandLine().getOut();
        out.println(TrspCheckStudy.HEADER);
        TrspCheckStudy.Result r = TrspCheckStudy.run(new TrspCheckStudy.Request(setup, temperatures.list()));
        for (TrspCheckStudy.Row row : r.rows()) out.println(row.line());
        out.flush();
        if (r.refusal() != null) throw r.refusal();
        return ExitCodes.OK;
    }
}
