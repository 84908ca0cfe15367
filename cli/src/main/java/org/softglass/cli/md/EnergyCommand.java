package org.softglass.cli.md;

import org.softglass.cli.options.PairModelOption;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.Formats;
import org.softglass.cli.RunOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.study.md.EnergyStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass energy DUMP}: for every frame of a LAMMPS dump, the potential energy per particle
 * U/N (ε), the virial pressure W/(3V) and, when the dump has velocities, the kinetic temperature
 * (3N − 3 degrees of freedom, as LAMMPS) and the full pressure {@code (N_dof T + W)/(3V)}.
 * Optionally per-atom forces and energies (LAMMPS {@code pe/atom} convention) by particle id ({@link EnergyStudy});
 * without {@code --out} the summary goes to stdout.
 */
@Command(name = "energy", mixinStandardHelpOptions = true,
        description = {"Potential energy per particle and pressure of every frame of a trajectory; optionally per-atom forces and energies.",
                "Summary CSV columns: frame,timestep,n,u_per_atom,virial_pressure,temperature,pressure (temperature and pressure empty without velocities)."})
public final class EnergyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DUMP", description = "Trajectory, any number of frames: " + Formats.TRAJECTORY + ".")
    Path dump;

    @Mixin
    PairModelOption pairModel = new PairModelOption();

    @Option(names = "--per-atom", paramLabel = "FILE.csv", description = "Write per-atom forces and energies: frame,timestep,id,type,fx,fy,fz,pe.")
    Path perAtom;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the per-frame summary here (and FILE.csv.manifest.json) instead of stdout.")
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        EnergyStudy.Request req = new EnergyStudy.Request(dump, pairModel.name(), out, perAtom);
        EnergyStudy.run(req, System.out, run.context());
        return ExitCodes.OK;
    }
}
