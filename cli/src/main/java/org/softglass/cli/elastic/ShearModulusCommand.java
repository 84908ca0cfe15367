package org.softglass.cli.elastic;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.InherentEnsemble;
import org.softglass.cli.options.SolverToleranceOption;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionNames;
import java.io.IOException;
import java.util.concurrent.Callable;
import org.softglass.study.elastic.ShearModulusStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass shear-modulus DUMP... --out DIR}: the athermal shear modulus G (paper 004, eq A1) of
 * every inherent structure, with its Born and non-affine parts, and the ensemble mean G(T_p). Writes
 * {@code DIR/shear_modulus.csv} ({@code frame,born,non_affine,G,iterations,residual[,G_finite_strain]}),
 * {@code DIR/shear_modulus.json} and {@code DIR/manifest.json}. With {@code --check-strain γ} each G is
 * also measured as {@code [U(γ) − 2U(0) + U(−γ)]/(γ²V)} with Newton relaxation in the sheared box.
 */
@Command(name = "shear-modulus", mixinStandardHelpOptions = true,
        description = {"Athermal shear modulus G = (1/V)[d2U/dgamma2 - Xi.M^-1.Xi] (paper 004 eq A1) of inherent structures.",
                "Writes DIR/shear_modulus.csv, DIR/shear_modulus.json and DIR/manifest.json."})
public final class ShearModulusCommand implements Callable<Integer> {
    @Mixin
    InherentEnsemble ensemble = new InherentEnsemble();

    @Mixin
    SolverToleranceOption solver = new SolverToleranceOption();

    @Option(names = "--check-strain", paramLabel = "GAMMA", description = "Also measure G by finite shear +-GAMMA with Newton relaxation (e.g. 1e-5): a check of eq A1 only where the "
            + "pair force is continuous at the cutoff; for force-truncated potentials (ka) it is reported and labelled as no check.")
    Double checkStrain;

    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ShearModulusStudy.Result r = ShearModulusStudy.run(new ShearModulusStudy.Request(ensemble.dumps(), ensemble.model(), solver.tol(),
                ensemble.fmaxLimit(), checkStrain, ensemble.parentTemperature()),
                run.dir(), run.context());
        if (r.note() != null && !run.quiet()) {
            spec.commandLine().getErr().println("softglass: note: " + org.softglass.core.util.ParameterText.render(r.note(), OptionNames::of));
            spec.commandLine().getErr().flush();
        }
        if (!run.quiet()) System.out.printf("shear-modulus: %d structures, G = %.6g +- %.2g%n", r.structures(), r.gMean(), r.gSem());
        return ExitCodes.OK;
    }
}
