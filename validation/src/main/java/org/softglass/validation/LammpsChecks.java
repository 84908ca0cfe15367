package org.softglass.validation;

import java.lang.foreign.ValueLayout;
import org.softglass.core.energy.ForceCompute;
import org.softglass.core.energy.Models;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.Report;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.space.Box;
import org.softglass.validation.Check.Comparison;

/**
 * The KA preset and the minimisers against the shared LAMMPS fixtures ({@code fixtures/lammps}, KA
 * N = 1000, T = 0.8, LAMMPS {@code lj/cut 2.5} with {@code pair_modify shift yes}; provenance in the
 * fixtures' README): per-atom forces and energies, U/N and the virial pressure at LAMMPS' inherent
 * structure (IS), the minimisers at that IS, and a quench of the thermal frame.
 */
final class LammpsChecks {
    private LammpsChecks() {}

    static final String THERMAL = "ka_N1000_T0.8_forces_frame.dump", IS = "ka_N1000_T0.8_inherent_structure.dump";
    /** LAMMPS' U/N of the thermal frame and of its IS, and the IS virial pressure (zero velocities), from the fixture logs. */
    static final double THERMAL_U = -6.34652922802843, THERMAL_PVIR = 6.69504578316928, IS_U = -7.55542414064805, IS_P = -0.737103025902821;

    /** Our forces, per-atom energies, U/N and virial pressure of one fixture frame, with the worst relative errors against the dump. */
    record Parity(double worstForce, double worstAtomEnergy, double uPerAtom, double virialPressure) {}

    static Parity parity(Context ctx, String file) throws Exception {
        return ctx.memo("lammps.parity." + file, () -> {
            try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(file));
                 ForceCompute fc = new ForceCompute(Models.ka(), ctx.threads())) {
                ParticleStore p = f.particles();
                Box box = f.box();
                int n = p.size();
                double[] fx = p.forces(0).toArray(ValueLayout.JAVA_DOUBLE).clone();
                double[] fy = p.forces(1).toArray(ValueLayout.JAVA_DOUBLE).clone();
                double[] fz = p.forces(2).toArray(ValueLayout.JAVA_DOUBLE).clone();
                double[] pe = f.extra("c_peatom");
                double[] e = new double[n];
                ForceCompute.Result r;
                try (NeighborListBuilder b = new NeighborListBuilder(box, Models.ka().maxCutoff() + 0.3, ctx.threads());
                     NeighborList nl = b.build(p, NeighborList.Kind.FULL)) {
                    r = fc.compute(p, box, nl, e);
                }
                double worstF = 0, worstE = 0;
                for (int i = 0; i < n; i++) {
                    double dfx = p.force(i, 0) - fx[i], dfy = p.force(i, 1) - fy[i], dfz = p.force(i, 2) - fz[i];
                    double mag = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i] + fz[i] * fz[i]);
                    // relative to the force magnitude; an IS has |F| ≈ 0, so the typical force scale 1 ε/σ there
                    worstF = Math.max(worstF, Math.sqrt(dfx * dfx + dfy * dfy + dfz * dfz) / Math.max(1.0, mag));
                    worstE = Math.max(worstE, Math.abs(e[i] - pe[i]) / Math.abs(pe[i]));
                }
                return new Parity(worstF, worstE, r.energy() / n, r.virialPressure(box));
            }
        });
    }

    /**
     * Per-atom forces (relative to max(1, |F|)) and per-atom energies (relative) on the thermal frame
     * and on its IS: the worst error over both frames must stay below 1e-6. The dumps are written with
     * %.16g, so agreement is limited by LAMMPS' own summation order (≈ 1e-13 relative); 1e-6 is far
     * above that and far below any error in the potential's parameters, shift or mixing (≥ 1e-3).
     */
    static Check forces() {
        return new Check("lammps.forces", "KA per-atom forces and energies vs LAMMPS dumps (thermal + IS), worst relative error",
                false, Comparison.WITHIN, ctx -> {
                    Parity a = parity(ctx, THERMAL), b = parity(ctx, IS);
                    double worst = Math.max(Math.max(a.worstForce(), a.worstAtomEnergy()), Math.max(b.worstForce(), b.worstAtomEnergy()));
                    return new Measurement(0, worst, 1e-6, String.format("force err %.1e / %.1e, pe err %.1e / %.1e (thermal / IS)",
                            a.worstForce(), b.worstForce(), a.worstAtomEnergy(), b.worstAtomEnergy()));
                });
    }

    /** U/N at LAMMPS' IS against its log value; 1e-6 relative, as {@link #forces()}. */
    static Check isEnergy() {
        return new Check("lammps.is-energy", "KA U/N at LAMMPS' inherent structure vs LAMMPS -7.55542414064805",
                false, Comparison.WITHIN, ctx -> {
                    Parity b = parity(ctx, IS);
                    return new Measurement(IS_U, b.uPerAtom(), 1e-6 * Math.abs(IS_U), String.format("thermal frame U/N %.12f (LAMMPS %.12f)",
                            parity(ctx, THERMAL).uPerAtom(), THERMAL_U));
                });
    }

    /** U/N of the thermal frame against LAMMPS' log value; 1e-6 relative, as {@link #forces()}. */
    static Check thermalEnergy() {
        return new Check("lammps.thermal-energy", "KA U/N of the T=0.8 thermal frame vs LAMMPS -6.34652922802843",
                false, Comparison.WITHIN, ctx -> new Measurement(THERMAL_U, parity(ctx, THERMAL).uPerAtom(), 1e-6 * Math.abs(THERMAL_U), ""));
    }

    /** The virial part of the thermal frame's pressure against LAMMPS; 1e-6 relative, as {@link #forces()}. */
    static Check thermalPressure() {
        return new Check("lammps.thermal-pressure", "KA virial pressure of the T=0.8 thermal frame vs LAMMPS 6.69504578316928",
                false, Comparison.WITHIN, ctx -> new Measurement(THERMAL_PVIR, parity(ctx, THERMAL).virialPressure(), 1e-6 * Math.abs(THERMAL_PVIR),
                        "virial part (the kinetic part is not in the dump)"));
    }

    /** The virial pressure at LAMMPS' IS against its log value; 1e-6 relative, as {@link #forces()}. */
    static Check isPressure() {
        return new Check("lammps.is-pressure", "KA virial pressure at LAMMPS' inherent structure vs LAMMPS -0.737103025902821",
                false, Comparison.WITHIN, ctx -> new Measurement(IS_P, parity(ctx, IS).virialPressure(), 1e-6 * Math.abs(IS_P), "zero velocities: virial part only"));
    }

    /**
     * Started at LAMMPS' IS with {@code ftol = 0} (so they must iterate, 200 iterations each), FIRE and
     * CG stay put: the largest displacement over both must stay below 1e-8 σ. Justification: the
     * residual force at that IS is |F|₂ &lt; 2e-10 ε/σ, so relaxing into the exact minimum moves a
     * particle by about |F|/λ; 1e-8 σ admits stiffnesses λ down to 0.02 ε/σ² for the softest mode.
     * A minimiser with a wrong step rule leaves the minimum by orders of magnitude more. Zero
     * iterations (nothing exercised) counts as a failure.
     */
    static Check minimiserFixedPoint() {
        return new Check("lammps.minimiser-fixed-point", "FIRE and CG started at LAMMPS' IS (ftol 0, 200 it.): max displacement",
                false, Comparison.WITHIN, ctx -> {
                    try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(IS))) {
                        Box box = f.box();
                        double worst = 0;
                        StringBuilder detail = new StringBuilder();
                        for (Algorithm a : new Algorithm[] {Algorithm.FIRE, Algorithm.CG}) {
                            try (ParticleStore p = f.particles().copy()) {
                                MinimizeOptions o = MinimizeOptions.defaults().withAlgorithm(a).withFtol(0).withMaxIterations(200).withThreads(ctx.threads());
                                Report r = Minimizer.quench(p, box, Models.ka(), o);
                                double moved = p.maxDisplacement(f.particles(), box);
                                if (r.iterations() == 0) moved = Double.NaN; // it must iterate: ftol = 0 cannot be met
                                worst = Math.max(worst, moved);
                                detail.append(String.format("%s%s %d it. moved %.1e", detail.isEmpty() ? "" : ", ", a, r.iterations(), moved));
                            }
                        }
                        return new Measurement(0, worst, 1e-8, detail.toString());
                    }
                });
    }

    /**
     * cg+fire from the thermal fixture frame with default tolerances must converge (|F|₂ &lt; 1e-10, else
     * the measurement is NaN and fails) into the KA inherent-structure band U_IS/N ∈ [−7.60, −7.53]
     * (written as −7.565 ± 0.035): LAMMPS' own cg+fire quenches of the 200 frames of the fixture
     * trajectory (T = 0.8) span −7.5998 … −7.5452. Both codes may end in different nearby minima, so
     * the band, not LAMMPS' single value −7.5554, is the reference.
     */
    static Check quench() {
        return new Check("lammps.quench-uis", "cg+fire quench of the T=0.8 fixture frame: U_IS/N in LAMMPS' IS band",
                false, Comparison.WITHIN, ctx -> {
                    try (Frame f = LammpsDumpReader.readFirst(ctx.lammps(THERMAL)); ParticleStore p = f.particles().copy()) {
                        Report r = Minimizer.quench(p, f.box(), Models.ka(), MinimizeOptions.defaults().withAlgorithm(Algorithm.CG_FIRE).withThreads(ctx.threads()));
                        double u = r.converged() && r.fnorm() < 1e-10 ? r.energyPerAtom() : Double.NaN;
                        return new Measurement(-7.565, u, 0.035, String.format("%s; fnorm %.1e, %d iterations (LAMMPS: %.6f)",
                                r.reason(), r.fnorm(), r.iterations(), IS_U));
                    }
                });
    }
}
