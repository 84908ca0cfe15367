package org.softglass.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.SplittableRandom;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.elastic.HessianFiniteDifference;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.Frame;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.softness.Hyperplane;
import org.softglass.core.softness.LinearSvm;
import org.softglass.core.space.Box;
import org.softglass.validation.Check.Comparison;

/** Second derivatives (the Hessian) against finite differences, and the linear SVM against scikit-learn. */
final class ModelChecks {
    private ModelChecks() {}

    /**
     * Columns of the sparse Hessian M at LAMMPS' KA inherent structure (N = 1000) against
     * {@code −[F(x + h e_c) − F(x − h e_c)]/(2h)} with F from the force kernel (independent code over
     * its own neighbour list), 40 random columns, h = 1e-6 σ. Truncation h²·∂³F/6 with
     * |∂³F| ≲ 1e5 ε/σ⁴ (LJ core at r ≈ 0.75σ_AB) gives ≲ 2e-8; round-off ε_mach·Σ|f_pair|/h ≲
     * 2e-16·1e3/1e-6 = 2e-7. Tolerance 2e-6 ε/σ² absolute per element, against entries up to ~1e3.
     * Columns of particles with a pair within 2h of its cutoff (where F jumps) are skipped. Measured:
     * max |M − FD|; NaN (fail) if no entry above 10 was compared (nothing tested).
     */
    static Check hessianFiniteDifference() {
        return new Check("hessian.finite-difference", "KA Hessian columns vs central differences of forces (LAMMPS IS, 40 columns), max |error|",
                false, Comparison.WITHIN, ctx -> {
                    PairPotential pot = Models.ka();
                    double h = 1e-6;
                    try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(LammpsChecks.IS))) {
                        ParticleStore p = f.particles();
                        Box box = f.box();
                        try (Hessian hs = Hessian.assemble(p, box, pot, ctx.threads());
                             ForceCompute fc = new ForceCompute(pot, 1);
                             ParticleStore q = p.copy();
                             NeighborListBuilder b = new NeighborListBuilder(box, pot.maxCutoff() + 0.3, ctx.threads());
                             NeighborList list = b.build(q, NeighborList.Kind.FULL)) {
                            HessianFiniteDifference.Result r = HessianFiniteDifference.compare(hs, fc, q, box, pot, list,
                                    new SplittableRandom(3 + ctx.seed()), 40, h);
                            return new Measurement(0, r.maxEntry() > 10 ? r.maxError() : Double.NaN, 2e-6,
                                    String.format("%d columns, largest entry %.1f", r.columns(), r.maxEntry()));
                        }
                    }
                });
    }

    /**
     * The liblinear SVM (primal and dual solvers, C = 1, eps = 1e-9) against scikit-learn's
     * LinearSVC(C = 1, squared hinge, L2, tol 1e-12; sklearn 1.2.1) on a stored non-separable data set
     * of 400 points in 6 dimensions (resources {@code svm_fixture.csv}, {@code svm_fixture_sklearn.json}, made by
     * {@code make_sklearn_fixture.py} beside them). The objective is strictly convex, so the optimum is
     * unique; the weights must agree within 1e-4 (the softness issue's requirement; the solvers'
     * stopping tolerance puts the real agreement orders of magnitude inside it). Measured: the
     * largest |Δw_j| or |Δb| over both solvers.
     */
    static Check svmSklearn() {
        return new Check("softness.svm-sklearn", "linear SVM weights (primal + dual) vs scikit-learn LinearSVC, max |difference|",
                false, Comparison.WITHIN, ctx -> {
                    CsvRows.Table t;
                    try (InputStream in = resource("svm_fixture.csv")) {
                        t = CsvRows.readTable(in, "svm_fixture.csv");
                    }
                    double[][] x = new double[t.rows().size()][];
                    int[] y = new int[x.length];
                    for (int i = 0; i < x.length; i++) {
                        String[] f = t.rows().get(i);
                        y[i] = Integer.parseInt(f[0]);
                        x[i] = new double[f.length - 1];
                        for (int j = 0; j < x[i].length; j++) x[i][j] = Double.parseDouble(f[j + 1]);
                    }
                    SklearnFixture expected;
                    try (InputStream in = resource("svm_fixture_sklearn.json")) {
                        expected = JsonFile.read(in, "svm_fixture_sklearn.json", SklearnFixture.class);
                    }
                    double worst = 0;
                    for (LinearSvm.Solver s : new LinearSvm.Solver[] {LinearSvm.Solver.PRIMAL, LinearSvm.Solver.DUAL}) {
                        Hyperplane hp = LinearSvm.train(x, y, 1.0, s, 1e-9, 7);
                        SklearnFixture.Fit e = s == LinearSvm.Solver.PRIMAL ? expected.primal() : expected.dual();
                        for (int j = 0; j < x[0].length; j++) worst = Math.max(worst, Math.abs(e.coef().get(j) - hp.w()[j]));
                        worst = Math.max(worst, Math.abs(e.intercept() - hp.b()));
                    }
                    return new Measurement(0, worst, 1e-4, x.length + " samples, " + x[0].length + " features, sklearn "
                            + expected.versions().sklearn());
                });
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = ModelChecks.class.getResourceAsStream(name);
        if (in == null) throw new IOException("missing resource " + name + " in the validation jar");
        return in;
    }
}
