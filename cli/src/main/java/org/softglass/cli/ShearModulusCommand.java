package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.elastic.ShearModulus;
import org.softglass.core.elastic.ShearedRelaxation;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.io.Manifest;
import org.softglass.study.elastic.ElasticSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class ShearModulusCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DUMP", description = "Inherent structures, all frames used: " + Formats.TRAJECTORY + ".")
    List<Path> dumps;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--model", defaultValue = "ka", description = "Pair potential preset: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            completionCandidates = EnergyCommand.ModelNames.class)
    String model;

    @Option(names = "--tol", defaultValue = "1e-10", description = "CG relative residual tolerance (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--fmax-limit", defaultValue = "1e-6", paramLabel = "F", description = "Refuse structures with a force component above F (default: ${DEFAULT-VALUE}).")
    double fmaxLimit;

    @Option(names = "--check-strain", paramLabel = "GAMMA", description = "Also measure G by finite shear +-GAMMA with Newton relaxation (e.g. 1e-5): a check of eq A1 only where the "
            + "pair force is continuous at the cutoff; for force-truncated potentials (ka) it is reported and labelled as no check.")
    Double checkStrain;

    @Option(names = "--parent-temperature", paramLabel = "T", description = "Parent temperature T_p of the ensemble (recorded in the summary).")
    Double parentTemperature;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /**
     * Where the pair force is discontinuous at the cutoff (force-truncated potentials such as KA's lj/cut): a
     * description naming the pair and the jump, else null. The force just inside r_c is compared with 0 beyond it.
     */
    static String forceJumpAtCutoff(org.softglass.core.energy.PairPotential pot) {
        for (int a = 0; a < pot.speciesCount(); a++) {
            for (int b = a; b < pot.speciesCount(); b++) {
                double rc = pot.cutoff(a, b), r2 = rc * rc * (1 - 1e-12);
                double f = Math.abs(pot.forceOverR(a, b, r2)) * rc;
                if (f > 1e-6) {
                    return "the " + pot.name() + " pair force jumps from " + Csv.fmt(f) + " to 0 at r_c = " + Csv.fmt(rc) + " (species " + a + "-" + b + ")";
                }
            }
        }
        return null;
    }

    @Override
    public Integer call() throws IOException {
        OptionChecks.inOpenRange(tol, 0, 1, "--tol");
        OptionChecks.positive(fmaxLimit, "--fmax-limit");
        if (parentTemperature != null) OptionChecks.positive(parentTemperature, "--parent-temperature");
        PairPotential pot = Models.byName(model);
        if (checkStrain != null && !(checkStrain > 0 && checkStrain < 0.1)) throw new IllegalArgumentException("--check-strain must be in (0, 0.1), got " + checkStrain);
        for (Path d : dumps) if (!Files.isReadable(d)) throw new java.nio.file.NoSuchFileException(d.toString());
        int nt = run.threads();
        StringBuilder csv = new StringBuilder("frame,born,non_affine,G,iterations,residual" + (checkStrain != null ? ",G_finite_strain" : "") + "\n");
        List<Double> gs = new ArrayList<>(), borns = new ArrayList<>(), finite = new ArrayList<>();
        int frame = 0;
        try (Progress progress = Progress.frames("shear-modulus", run.quiet())) {
            for (Path dump : dumps) {
                try (TrajectoryReader reader = TrajectoryReader.open(dump)) {
                    int k = 0;
                    for (Frame next; (next = reader.next()) != null; k++, frame++) {
                        try (Frame f = next; Hessian h = ElasticSupport.checkedHessian(dump, k, f, pot, fmaxLimit, nt)) {
                            ShearModulus g = ShearModulus.compute(h, tol, HessianCg.defaultMaxIterations(h.dimension()));
                            csv.append(frame).append(',').append(g.born()).append(',').append(g.nonAffine()).append(',').append(g.modulus())
                                    .append(',').append(g.iterations()).append(',').append(g.residual());
                            if (checkStrain != null) {
                                double gm = checkStrain, v = f.box().volume();
                                double up = ShearedRelaxation.relax(f.particles(), f.box(), pot, gm, 1e-11, 30, nt).energy();
                                double u0 = ShearedRelaxation.relax(f.particles(), f.box(), pot, 0, 1e-11, 30, nt).energy();
                                double um = ShearedRelaxation.relax(f.particles(), f.box(), pot, -gm, 1e-11, 30, nt).energy();
                                double gf = (up - 2 * u0 + um) / (gm * gm * v);
                                csv.append(',').append(gf);
                                finite.add(gf);
                            }
                            csv.append('\n');
                            gs.add(g.modulus());
                            borns.add(g.born());
                        }
                        progress.step();
                    }
                }
            }
        }
        if (gs.isEmpty()) throw new IllegalArgumentException("no frames found in " + dumps);
        double[] ms = ElasticSupport.meanSem(gs.stream().mapToDouble(Double::doubleValue).toArray());
        double[] mb = ElasticSupport.meanSem(borns.stream().mapToDouble(Double::doubleValue).toArray());
        ElasticSupport.makeDir(outDir);
        Path cpath = outDir.resolve("shear_modulus.csv"), jpath = outDir.resolve("shear_modulus.json");
        Csv.writeText(cpath, csv);
        Map<String, Object> js = Csv.map("parent_temperature", parentTemperature, "structures", gs.size(), "G_mean", ms[0],
                "G_mean_sem", Double.isNaN(ms[1]) ? null : ms[1], "born_mean", mb[0]);
        String jumps = forceJumpAtCutoff(pot);
        if (checkStrain != null) {
            double worst = 0;
            for (int k = 0; k < gs.size(); k++) worst = Math.max(worst, Math.abs(finite.get(k) - gs.get(k)) / Math.abs(gs.get(k)));
            js.put("check_strain", Csv.map("gamma", checkStrain, "valid_check", jumps == null, "max_relative_difference",
                    Double.isFinite(worst) ? worst : null,
                    "note", jumps == null ? "the pair forces are continuous at the cutoff: the relaxed finite-strain G must equal eq A1 to O(gamma)"
                            : "no check of eq A1: " + jumps + ", so pairs crossing r_c under shear give the relaxed finite-strain G an impulsive "
                            + "contribution that does not vanish as gamma -> 0 (ShearModulus); G_finite_strain is reported, not compared"));
            if (jumps != null && !run.quiet()) {
                spec.commandLine().getErr().println("softglass: note: --check-strain is no check of eq A1 for this potential: " + jumps
                        + " (finite-strain G differs by up to " + Csv.fmt(100 * worst) + " %; reported, not compared)");
                spec.commandLine().getErr().flush();
            }
        }
        Csv.json(jpath, js);
        Manifest m = new Manifest(Version.get(), "shear-modulus").param("model", pot.name()).param("potential", pot.description())
                .param("tol", tol).param("fmax_limit", fmaxLimit).param("check_strain", checkStrain).param("threads", nt)
                .param("parent_temperature", parentTemperature);
        for (Path d : dumps) m.input(d);
        m.output(cpath).output(jpath).result("structures", gs.size()).result("G_mean", ms[0]).result("G_mean_sem", ms[1])
                .write(outDir.resolve("manifest.json"));
        if (!run.quiet()) System.out.printf("shear-modulus: %d structures, G = %.6g +- %.2g%n", gs.size(), ms[0], ms[1]);
        return ExitCodes.OK;
    }
}
