package org.softglass.core.elastic;

import org.softglass.core.energy.PairPotential;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * The energy of an inherent structure after a finite simple shear γ with relaxation: the box is
 * deformed by {@code H = I + γ x̂⊗ŷ} (Lees–Edwards / triclinic tilt: separations
 * {@code H·minimumImage(s_i − s_j)} of reference coordinates s), the particles first follow
 * affinely, then relax by Newton's method, {@code M(γ) δx = F}, {@code δs = H⁻¹ δx}, with the sheared
 * Hessian ({@link Hessian#assemble} with a tilt) and projected CG. Newton stays in the basin of the
 * affinely sheared state for small γ and converges quadratically, so the relaxed energy is exact to
 * round-off; a FIRE/CG descent could slide into a neighbouring minimum. This is the independent
 * check of eq A1: {@code G ≈ [U(γ) − 2U(0) + U(−γ)]/(γ² V)}.
 */
public final class ShearedRelaxation {
    private ShearedRelaxation() {}

    /**
     * @param energy relaxed U(γ) (ε)
     * @param maxForce largest force component at the end (ε/σ)
     * @param newtonSteps Newton steps taken
     */
    public record Result(double energy, double maxForce, int newtonSteps) {}

    /**
     * Relaxes the configuration (not modified: a copy is relaxed) at shear γ.
     *
     * @param fmaxTol stop when the largest force component is below this (ε/σ), e.g. 1e-11
     * @param maxSteps Newton step limit
     * @throws ElasticException if Newton does not reach fmaxTol within maxSteps
     */
    public static Result relax(ParticleStore p, Box box, PairPotential potential, double gamma, double fmaxTol,
                               int maxSteps, int threads) {
        try (ParticleStore s = p.copy()) {
            int n = s.size();
            for (int step = 0; ; step++) {
                try (Hessian h = Hessian.assemble(s, box, potential, gamma, threads)) {
                    double fmax = h.maxForce();
                    if (fmax <= fmaxTol) return new Result(h.energy(), fmax, step);
                    if (step >= maxSteps) {
                        throw new ElasticException(String.format("sheared relaxation at gamma = %.3g did not converge: largest force"
                                + " %.3g after %d Newton steps (limit %.3g)", gamma, fmax, step, fmaxTol));
                    }
                    HessianCg.Result r = HessianCg.solve(h::multiply, h.forces(), 1e-14, HessianCg.defaultMaxIterations(3 * n));
                    double[] dx = r.solution();
                    for (int i = 0; i < n; i++) {
                        double ux = dx[3 * i] - gamma * dx[3 * i + 1];
                        s.setPosition(i, s.x(i) + ux, s.y(i) + dx[3 * i + 1], s.z(i) + dx[3 * i + 2]);
                    }
                }
            }
        }
    }
}
