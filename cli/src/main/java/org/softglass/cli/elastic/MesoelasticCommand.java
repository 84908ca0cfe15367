package org.softglass.cli.elastic;

import org.softglass.core.util.Format;
import org.softglass.cli.options.MesoelasticFitOption;
import org.softglass.cli.options.OutputDir;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.dynamics.MesoelasticFit;
import org.softglass.study.StudyContext;
import org.softglass.study.elastic.MesoelasticStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass mesoelastic TABLE --out DIR --density RHO}: the mesoelastic fit of paper 004, eq 3, from a table of
 * T, τ_α, κ (and G) per temperature ({@link MesoelasticStudy}).
 */
@Command(name = "mesoelastic", mixinStandardHelpOptions = true,
        description = {"Fit ln(tau_alpha/t0) = (l a0)^2 kappa/T + ln t (paper 004 eq 3) from a CSV with columns T,tau_alpha,kappa[,G].",
                "Writes DIR/mesoelastic.json, DIR/mesoelastic_fit.png, DIR/kappa_G_vs_T.png and DIR/manifest.json."})
public final class MesoelasticCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TABLE", description = "CSV with a header naming T, tau_alpha, kappa and optionally G.")
    Path table;

    @Mixin
    OutputDir output = new OutputDir();

    @Option(names = "--density", required = true, paramLabel = "RHO", description = "Number density N/V (a0 = RHO^(-1/3)).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double density;

    @Mixin
    MesoelasticFitOption fitRange = new MesoelasticFitOption();

    @Override
    public Integer call() throws IOException {
        MesoelasticFit fit = MesoelasticStudy.run(new MesoelasticStudy.Request(table, density, fitRange.minTauT0()), output.dir(), StudyContext.of(1, Version.get()));
        System.out.printf("mesoelastic: l~ = %.4g +- %.2g, t~ = %.4g +- %.2g, R^2 = %.4f (%d points with tau_alpha/t0 >= %s; %d left out)%n",
                fit.ellTilde(), fit.ellTildeErr(), fit.tTilde(), fit.tTildeErr(), fit.rSquared(), fit.x().length, Format.g4(fitRange.minTauT0()),
                fit.excluded().length);
        return ExitCodes.OK;
    }
}
