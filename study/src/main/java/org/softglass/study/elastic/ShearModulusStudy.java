package org.softglass.study.elastic;

import org.softglass.core.util.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.core.elastic.HessianCg;
import org.softglass.core.elastic.ShearModulus;
import org.softglass.core.elastic.ShearedRelaxation;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The shear modulus G (paper 004 eq A1: Born term minus the non-affine relaxation, {@link ShearModulus}) of every
 * inherent structure of one ensemble, and its mean over structures with the standard error. Optionally G by finite
 * shear ±γ with Newton relaxation: a check of eq A1 only where the pair force is continuous at the cutoff; for a
 * force-truncated potential (KA's lj/cut) it is reported and labelled as no check ({@link Result#note}). Writes
 * {@code DIR/shear_modulus.csv} ({@code frame,born,non_affine,G,iterations,residual[,G_finite_strain]}),
 * {@code DIR/shear_modulus.json} and {@code DIR/manifest.json}.
 */
public final class ShearModulusStudy {
    private ShearModulusStudy() {}

    /**
     * @param tol               the CG relative residual tolerance, in (0, 1)
     * @param fmaxLimit         structures with a force component above this are refused
     * @param checkStrain       the finite shear γ of the check, in (0, 0.1), or null: none
     * @param parentTemperature T_p (recorded), or null
     */
    public record Request(List<Path> dumps, String model, double tol, double fmaxLimit, Double checkStrain, Double parentTemperature) {
        public Request {
            dumps = List.copyOf(dumps);
            if (!(tol > 0 && tol < 1)) throw new InvalidParameter("{tol} must be in (0.0, 1.0), got " + tol);
            Checks.positive(fmaxLimit, "fmaxLimit");
            if (parentTemperature != null) Checks.positive(parentTemperature, "parentTemperature");
            if (checkStrain != null && !(checkStrain > 0 && checkStrain < 0.1)) throw new InvalidParameter("{checkStrain} must be in (0, 0.1), got " + checkStrain);
        }
    }

    /**
     * @param gMean    ⟨G⟩ over structures
     * @param gSem     its standard error (NaN for one structure)
     * @param bornMean the mean Born term
     * @param note     why the finite-strain G is no check of eq A1 for this potential, or null; it names the parameter by its
     *                 token {@code {checkStrain}} ({@link org.softglass.core.util.ParameterText})
     */
    public record Result(int structures, double gMean, double gSem, double bornMean, String note) {}

    /**
     * Where the pair force is discontinuous at the cutoff (force-truncated potentials such as KA's lj/cut): a
     * description naming the pair and the jump, else null. The force just inside r_c is compared with 0 beyond it.
     */
    public static String forceJumpAtCutoff(org.softglass.core.energy.PairPotential pot) {
        for (int a = 0; a < pot.speciesCount(); a++) {
            for (int b = a; b < pot.speciesCount(); b++) {
                double rc = pot.cutoff(a, b), r2 = rc * rc * (1 - 1e-12);
                double f = Math.abs(pot.forceOverR(a, b, r2)) * rc;
                if (f > 1e-6) {
                    return "the " + pot.name() + " pair force jumps from " + Format.g4(f) + " to 0 at r_c = " + Format.g4(rc) + " (species " + a + "-" + b + ")";
                }
            }
        }
        return null;
    }

    /** Computes G of every structure of {@code req} and writes {@code outDir}. */
    public static Result run(Request req, Path outDir, StudyContext ctx) throws IOException {
        for (Path d : req.dumps()) if (!Files.isReadable(d)) throw new java.nio.file.NoSuchFileException(d.toString());
        int nt = ctx.threads();
        PairPotential pot = Models.byName(req.model());
        Double checkStrain = req.checkStrain(), parentTemperature = req.parentTemperature();
        StringBuilder csv = new StringBuilder("frame,born,non_affine,G,iterations,residual" + (checkStrain != null ? ",G_finite_strain" : "") + "\n");
        List<Double> gs = new ArrayList<>(), borns = new ArrayList<>(), finite = new ArrayList<>();
        try (StudyContext.Meter progress = ctx.progress().start("shear-modulus", -1, "frames")) {
            ElasticSupport.forEachStructure(req.dumps(), pot, req.fmaxLimit(), nt, progress, (frame, f, h) -> {
                ShearModulus g = ShearModulus.compute(h, req.tol(), HessianCg.defaultMaxIterations(h.dimension()));
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
            });
        }
        if (gs.isEmpty()) throw new IllegalArgumentException("no frames found in " + req.dumps());
        double[] ms = ElasticSupport.meanSem(gs.stream().mapToDouble(Double::doubleValue).toArray());
        double[] mb = ElasticSupport.meanSem(borns.stream().mapToDouble(Double::doubleValue).toArray());
        ElasticSupport.makeDir(outDir);
        Path cpath = outDir.resolve("shear_modulus.csv"), jpath = outDir.resolve("shear_modulus.json");
        CsvRows.writeText(cpath, csv);
        Map<String, Object> js = JsonFile.map("parent_temperature", parentTemperature, "structures", gs.size(), "G_mean", ms[0],
                "G_mean_sem", Double.isNaN(ms[1]) ? null : ms[1], "born_mean", mb[0]);
        String jumps = forceJumpAtCutoff(pot), note = null;
        if (checkStrain != null) {
            double worst = 0;
            for (int k = 0; k < gs.size(); k++) worst = Math.max(worst, Math.abs(finite.get(k) - gs.get(k)) / Math.abs(gs.get(k)));
            js.put("check_strain", JsonFile.map("gamma", checkStrain, "valid_check", jumps == null, "max_relative_difference",
                    Double.isFinite(worst) ? worst : null,
                    "note", jumps == null ? "the pair forces are continuous at the cutoff: the relaxed finite-strain G must equal eq A1 to O(gamma)"
                            : "no check of eq A1: " + jumps + ", so pairs crossing r_c under shear give the relaxed finite-strain G an impulsive "
                            + "contribution that does not vanish as gamma -> 0 (ShearModulus); G_finite_strain is reported, not compared"));
            if (jumps != null) {
                note = "{checkStrain} is no check of eq A1 for this potential: " + jumps + " (finite-strain G differs by up to "
                        + Format.g4(100 * worst) + " %; reported, not compared)";
            }
        }
        JsonFile.write(jpath, js);
        Manifest m = new Manifest(ctx.version(), "shear-modulus").param("model", pot.name()).param("potential", pot.description())
                .param("tol", req.tol()).param("fmax_limit", req.fmaxLimit()).param("check_strain", checkStrain).param("threads", nt)
                .param("parent_temperature", parentTemperature);
        for (Path d : req.dumps()) m.input(d);
        m.output(cpath).output(jpath).result("structures", gs.size()).result("G_mean", ms[0]).result("G_mean_sem", ms[1])
                .write(outDir.resolve("manifest.json"));
        return new Result(gs.size(), ms[0], ms[1], mb[0], note);
    }
}
