package org.softglass.cli.models;

import org.softglass.cli.ExitCodes;
import org.softglass.cli.Version;
import org.softglass.study.StudyContext;
import org.softglass.study.trap.TrapStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code softglass trap equilibrium}: ⟨S⟩(T) and Var S (eqs 10–11, and by quadrature of eq 7) ({@link TrapStudy#equilibrium}).
 */
@Command(name = "equilibrium", mixinStandardHelpOptions = true,
        description = "Equilibrium <S>(T) and Var S of the trap-like model: eqs 10-11 and numerical integration of eq 7.")
final class TrapEquilibriumCommand extends TrapSubcommand {
    @Mixin TrapTemperatures temperatures = new TrapTemperatures();

    @Override
    public Integer call() throws Exception {
        TrapStudy.Model m = model.study();
        TrapStudy.equilibrium(m, temperatures.list("0.35:1.2:60"), output.dir(), StudyContext.of(1, Version.get()));
        return ExitCodes.OK;
    }
}
