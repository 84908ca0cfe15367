package org.softglass.cli.md;

import org.softglass.cli.options.OutputRunOptions;
import org.softglass.cli.options.EquilibrationOption;
import org.softglass.cli.options.MdSystemOptions;
import org.softglass.cli.options.MeltOptions;
import org.softglass.cli.options.SeedOption;
import org.softglass.cli.options.ThermostatOptions;
import org.softglass.cli.ExitCodes;
import org.softglass.cli.OptionChecks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.softglass.core.energy.Models;
import org.softglass.core.simulate.InherentQuench;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.simulate.Simulation;
import org.softglass.study.StudyContext;
import org.softglass.study.md.SimulateStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code softglass simulate}: molecular dynamics of a preset model from a random start (melt →
 * equilibrate → production), with thermo, an unwrapped LAMMPS dump, checkpoints and automatic
 * resumption when rerun with the same parameters and {@code --out} ({@link SimulateStudy}).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Molecular dynamics (NVT Nose-Hoover chain as LAMMPS fix nvt, NVE, or Langevin) of a preset model, optionally quenching frames.",
                "From a random start: melt at --melt-temperature, equilibrate at --temperature, then --steps of production with thermo and trajectory output.",
                "Rerunning the same command resumes an interrupted run from its last checkpoint, bit for bit.",
                "Outputs in --out: thermo.csv, traj.dump (id type xu yu zu), with --inherent is.dump and is_energy.csv, checkpoint.bin, run.json, manifest.json."})
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "ka", description = "ka, ss (alias harmonic-ss: harmonic soft spheres of paper 000), ipl, "
            + "mblj (paper 004's modified binary LJ) sticky-spheres (paper 004's Sticky Spheres, its \"SS\") or sw (paper 004's one-species Stillinger-Weber glass, three-body).")
    String model;
    @Mixin
    MdSystemOptions system = new MdSystemOptions();
    @Option(names = "--fraction-a", description = "Fraction of species A (default: the model's, 0.8 for ka and mblj, 0.5 for ss, ipl and sticky-spheres; sw has one species, 1).")
    Double fractionA;
    @Option(names = {"-T", "--temperature"}, required = true, paramLabel = "T", description = "Temperature of equilibration and production.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double temperature;
    @Mixin
    ThermostatOptions thermostat = new ThermostatOptions();
    @Option(names = "--steps", required = true, description = "Production steps.", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    long steps;
    @Option(names = "--dump-every", defaultValue = "200", description = "Steps between trajectory frames; 0 for none.")
    long dumpEvery;
    @Option(names = "--thermo-every", defaultValue = "200", description = "Steps between thermo rows.")
    long thermoEvery;
    @Option(names = "--ensemble", defaultValue = "nvt", description = "nvt, nve or langevin.")
    String ensemble;
    @Mixin
    MeltOptions melt = new MeltOptions();
    @Option(names = "--initial", paramLabel = "DUMP", description = "Start from the last frame of this trajectory (LAMMPS dump, extended XYZ or GSD; same N and density; "
            + "e.g. the traj.dump of a run at a higher temperature) instead of a random melt.")
    Path initial;
    @Mixin
    EquilibrationOption equilibrate = new EquilibrationOption(10000);
    @Option(names = "--checkpoint-every", defaultValue = "10000", description = "Steps between checkpoints.")
    long checkpointEvery;
    @Option(names = "--skin", defaultValue = "0.3", description = "Neighbour-list skin in sigma (default: ${DEFAULT-VALUE}, as LAMMPS).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double skin;
    @Mixin
    SeedOption seedOption = new SeedOption();
    @Option(names = "--inherent", description = "Also quench every dumped frame (one frame per thread while the MD goes on): "
            + "is.dump and is_energy.csv.")
    boolean inherent;
    @Option(names = "--inherent-min", defaultValue = "cg+fire", paramLabel = "ALG",
            description = "Minimiser of --inherent: cg+fire (as the LAMMPS fixtures), cg, fire, lbfgs or lbfgs+fire "
                    + "(about half the force evaluations of cg+fire).")
    String inherentMin;
    @Option(names = "--inherent-ftol", defaultValue = "1e-10", paramLabel = "F",
            description = "Force tolerance of --inherent on |F|_2 of the 3N force vector (default: ${DEFAULT-VALUE}, as the LAMMPS fixtures; "
                    + "p_hop labels need 1e-4, bench/RESULTS.md).", showDefaultValue = picocli.CommandLine.Help.Visibility.NEVER)
    double inherentFtol;
    @Mixin
    OutputRunOptions run = new OutputRunOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec cmd;


    @Override
    public Integer call() throws IOException {
        java.io.PrintWriter err = cmd.commandLine().getErr();
        int n = system.n();
        org.softglass.study.Checks.atLeast(n, 2, "n");   // refused before --threads is read
        StudyContext ctx = run.context();
        SimulateStudy.requireFits(n, inherent, ctx.threads());
        InherentQuench quench = SimulateStudy.inherentQuench(OptionChecks.minimiser(inherentMin, "--inherent-min"), inherentFtol);
        RunSpec spec = new RunSpec(model, n, system.density(model), temperature, thermostat.dt(), steps, ensemble, thermostat.tdamp(),
                seedOption.seed(), melt.temperature(), melt.steps(initial), equilibrate.steps(), thermoEvery, dumpEvery, checkpointEvery, skin, inherent,
                fractionA != null ? fractionA : Models.defaultFractionA(model), initial != null ? initial.toString() : null, quench);
        SimulateStudy.Result r = SimulateStudy.run(new SimulateStudy.Request(spec), run.dir(), ctx);
        if (r.alreadyComplete()) {
            err.println("softglass: " + run.dir() + " already holds this completed run; nothing to do");
            err.flush();
            return ExitCodes.OK;
        }
        if (!run.quiet()) {
            Simulation.Result s = r.run();
            err.printf("softglass: %d steps in %.1f s (%.3g atom-steps/s, %d list builds)%s%n", s.stepsRun(), s.seconds(), r.atomStepsPerSecond(n),
                    s.listBuilds(), s.resumedFrom() >= 0 ? ", resumed from step " + s.resumedFrom() : "");
            err.flush();
        }
        return ExitCodes.OK;
    }
}
