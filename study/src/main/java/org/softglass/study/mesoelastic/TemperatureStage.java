package org.softglass.study.mesoelastic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.softglass.core.dynamics.BlockRelaxationTime;
import org.softglass.core.energy.Models;
import org.softglass.core.io.JsonFile;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.simulate.RunSpec;
import org.softglass.core.util.Refusal;
import org.softglass.study.StudyContext;
import org.softglass.study.dynamics.SelfDynamicsStudy;
import org.softglass.study.md.SimulateStudy;
import org.softglass.study.quench.QuenchStudy;

/**
 * Everything of one parent temperature T_p of the mesoelastic workflow, in {@code T…/}: the equilibrium MD
 * ({@code md/}, {@link SimulateStudy}: resumable by itself), S equally spaced production frames ({@code parents.dump},
 * {@link ParentFrames}) quenched to inherent structures ({@code is/}, {@link QuenchStudy}, cg+fire to |F|₂ ≤
 * {@value #IS_FTOL} as the LAMMPS fixtures, so the Hessian's force check passes), κ and G of those structures
 * ({@code elastic/}, {@link EnsembleElasticity}), F_s(q, t) and τ_α of the trajectory ({@code fs/},
 * {@link SelfDynamicsStudy}) with the error of τ_α by time blocks, and last {@code row.json} ({@link TemperatureRow}):
 * its presence with the same key marks the temperature complete.
 */
final class TemperatureStage {
    /** The force tolerance of the inherent-structure quench (|F|₂ of the 3N vector, ε/σ). */
    static final double IS_FTOL = 1e-10;
    /** The MD thermo interval (steps). */
    static final long THERMO_EVERY = 1000;
    /** The MD checkpoint interval (steps). */
    static final long CHECKPOINT_EVERY = 10_000;

    private TemperatureStage() {}

    /** The MD of temperature {@code k} (0 = the highest, from a random melt; the others from the last frame of {@code initial}). */
    static RunSpec spec(MesoelasticWorkflowStudy.Request req, int k, Path initial) {
        MesoelasticWorkflowStudy.Md md = req.md();
        return new RunSpec(req.model(), req.n(), req.density(), req.temperatures().get(k), md.dt(), md.steps(k), "nvt", md.tdamp(), req.seed() + k,
                md.meltTemperature(), initial == null ? md.meltSteps() : 0, md.equilibrate(k), THERMO_EVERY, md.dumpEvery(), CHECKPOINT_EVERY, 0.3, false,
                Models.defaultFractionA(req.model()), initial == null ? null : initial.toString());
    }

    /**
     * Runs temperature {@code k} into {@code dir} and writes its {@code row.json}.
     *
     * @param key     the temperature's key (recorded in the row)
     * @param initial the trajectory of the temperature above, or null for the highest
     * @param q       the F_s wave number, or null: the first S(q) peak of this trajectory
     * @param type    the LAMMPS type of F_s
     */
    static TemperatureRow run(MesoelasticWorkflowStudy.Request req, int k, String key, Path dir, Path initial, Double q, int type, StudyContext ctx)
            throws IOException {
        double t = req.temperatures().get(k);
        Files.createDirectories(dir);
        RunSpec spec = spec(req, k, initial);
        SimulateStudy.run(new SimulateStudy.Request(spec), dir.resolve("md"), ctx);
        Path traj = dir.resolve("md/traj.dump"), parents = dir.resolve("parents.dump");
        MesoelasticWorkflowStudy.Ensemble ens = req.ensemble();
        int frames = (int) (spec.steps() / spec.dumpEvery() + 1);
        ParentFrames.write(traj, ParentFrames.indices(frames, ens.structures()), parents);
        QuenchStudy.Result qr = QuenchStudy.run(QuenchStudy.Request.of(parents, req.model(), Algorithm.CG_FIRE, IS_FTOL), dir.resolve("is"), ctx);
        if (qr.unconverged() > 0) throw new Refusal("T_p = " + t + ": " + qr.warning());
        Path el = dir.resolve("elastic");
        Files.createDirectories(el);
        EnsembleElasticity.Result e = EnsembleElasticity.run(qr.isDump(), Models.byName(req.model()),
                new EnsembleElasticity.Settings(ens.dipoles(), ens.allPairs(), req.seed(), ens.tol(), ens.fmaxLimit()), el, ctx);
        MesoelasticWorkflowStudy.Dynamics dyn = req.dynamics();
        SelfDynamicsStudy.Request fr = new SelfDynamicsStudy.Request(traj, t, spec.dt(), type, q, 2.0, dyn.perDecade(), null, 1e-8, 1000);
        SelfDynamicsStudy.Result f = SelfDynamicsStudy.run(fr, dir.resolve("fs"), ctx);
        BlockRelaxationTime b = SelfDynamicsStudy.blocks(fr, f.q(), dyn.blocks());
        String warning = f.warning();
        if (warning == null && b.undefined() > 0) {
            warning = b.undefined() + " of " + dyn.blocks() + " time blocks do not reach F_s = 0.2: no error of tau_alpha; run longer";
        }
        Double tau = f.tauAlpha();
        if (warning == null && tau != null) warning = correlatedBlocks(tau, (frames / dyn.blocks() - 1) * spec.dumpEvery() * spec.dt(), dyn.blocks());
        TemperatureRow row = new TemperatureRow(key, t, tau, tau == null ? null : JsonFile.finite(b.sem()), tau == null ? null : tau / f.t0(), f.t0(), f.q(),
                type, e.kappaMean(), JsonFile.finite(e.kappaSem()), e.kappaMedian(), e.gMean(), JsonFile.finite(e.gSem()), e.structures(), e.dipoles(),
                warning);
        JsonFile.write(dir.resolve("row.json"), row);
        return row;
    }

    /**
     * Why the block error of τ_α is not to be trusted, or null: consecutive time blocks are independent estimates only
     * when each spans several τ_α; a block shorter than 2 τ_α shares relaxations with its neighbours (and its own F_s
     * barely reaches 0.2), so s_{B−1}/√B underestimates the error.
     *
     * @param tau   τ_α of the whole trajectory (τ)
     * @param span  the time one block spans, (⌊F/B⌋ − 1) frame intervals (τ)
     * @param blocks B
     */
    static String correlatedBlocks(double tau, double span, int blocks) {
        if (span >= 2 * tau) return null;
        return String.format(java.util.Locale.ROOT, "each of the %d time blocks spans %.4g tau, less than 2 tau_alpha (tau_alpha = %.4g): the blocks are "
                + "correlated and the error of tau_alpha is underestimated; run longer or use fewer blocks", blocks, span, tau);
    }
}
