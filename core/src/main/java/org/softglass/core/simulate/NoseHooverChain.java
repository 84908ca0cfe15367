package org.softglass.core.simulate;

import org.softglass.core.util.InvalidParameter;

/**
 * Nosé–Hoover chain NVT with the conventions of LAMMPS {@code fix nvt temp T T Tdamp} (fix_nh.cpp,
 * thermostat only): chain length M = 3, one loop ({@code tloop 1}), no drag, thermostat masses
 * {@code Q₁ = dof·T/ω²}, {@code Q_k = T/ω²} (k &gt; 1) with {@code ω = 1/Tdamp} (Tdamp in τ), and the
 * Trotter splitting of Martyna–Tuckerman–Klein: half a chain update (which scales velocities by
 * {@code exp(−½dt η̇₁)}), velocity-Verlet kick–drift–force–kick, then the other half chain update
 * with the new kinetic energy.
 *
 * <p>Conserved quantity: {@code K + U + dof·T·η₁ + ½Q₁η̇₁² + Σ_{k>1} (T η_k + ½Q_k η̇_k²)}, the
 * LAMMPS {@code f_nvt} scalar plus the total energy. Changing the target ({@link #setTarget}) resets
 * the chain, as redefining the fix does in LAMMPS.
 */
public final class NoseHooverChain implements Integrator {
    /** Chain length (LAMMPS default {@code tchain 3}). */
    public static final int M = 3;

    private final double dt, tdamp;
    private double target;
    private double dof;
    private final double[] eta = new double[M], etaDot = new double[M + 1], etaDotDot = new double[M], mass = new double[M];
    private double tCurrent;

    /**
     * @param dt time step (τ)
     * @param target temperature (ε/k_B), &gt; 0
     * @param tdamp damping time (τ), &gt; 0 (LAMMPS recommends ≈ 100 dt)
     */
    public NoseHooverChain(double dt, double target, double tdamp) {
        InvalidParameter.requirePositive(dt, "dt");
        InvalidParameter.requirePositive(target, "temperature");
        InvalidParameter.requirePositive(tdamp, "tdamp");
        this.dt = dt;
        this.tdamp = tdamp;
        this.target = target;
    }

    @Override public String name() { return "nvt"; }

    @Override
    public void setTarget(double temperature) {
        if (temperature != target) {
            if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
            target = temperature;
            java.util.Arrays.fill(eta, 0);
            java.util.Arrays.fill(etaDot, 0);
            java.util.Arrays.fill(etaDotDot, 0);
            setupChain();
        }
    }

    public double target() { return target; }

    @Override
    public void setup(MdSystem s) {
        dof = s.dof();
        tCurrent = s.temperature();
        setupChain();
    }

    private void setupChain() {
        double w = 1.0 / tdamp;
        mass[0] = dof * target / (w * w);
        for (int k = 1; k < M; k++) mass[k] = target / (w * w);
        for (int k = 1; k < M; k++) etaDotDot[k] = (mass[k - 1] * etaDot[k - 1] * etaDot[k - 1] - target) / mass[k];
    }

    @Override
    public void step(MdSystem s, long step) {
        // the first chain half's velocity scaling is fused with the kick and drift, the closing kick
        // with the kinetic-energy sum: the same arithmetic as scale; kick; drift; ...; kick; 2K/dof
        double f = chainHalf();
        s.scaleKickDrift(f, 0.5 * dt, dt);
        s.computeForces();
        tCurrent = s.kickAndSumSquares(0.5 * dt) / dof;
        s.scaleVelocities(chainHalf());
    }

    /**
     * LAMMPS FixNH::nhc_temp_integrate with nc_tchain = 1, drag 0; returns the factor
     * {@code exp(−½dt η̇₁)} by which the caller must scale the velocities (the chain update after the
     * scaling needs only the scaled kinetic energy, {@code tCurrent f²}).
     */
    private double chainHalf() {
        double dt4 = 0.25 * dt, dt8 = 0.125 * dt, dthalf = 0.5 * dt;
        double w = 1.0 / tdamp;
        mass[0] = dof * target / (w * w);
        for (int k = 1; k < M; k++) mass[k] = target / (w * w);
        double keTarget = dof * target;
        double ke = dof * tCurrent;
        etaDotDot[0] = mass[0] > 0 ? (ke - keTarget) / mass[0] : 0;
        for (int k = M - 1; k > 0; k--) {
            double e = Math.exp(-dt8 * etaDot[k + 1]);
            etaDot[k] *= e;
            etaDot[k] += etaDotDot[k] * dt4;
            etaDot[k] *= e;
        }
        double e = Math.exp(-dt8 * etaDot[1]);
        etaDot[0] *= e;
        etaDot[0] += etaDotDot[0] * dt4;
        etaDot[0] *= e;
        double factor = Math.exp(-dthalf * etaDot[0]);
        tCurrent *= factor * factor;
        ke = dof * tCurrent;
        etaDotDot[0] = mass[0] > 0 ? (ke - keTarget) / mass[0] : 0;
        for (int k = 0; k < M; k++) eta[k] += dthalf * etaDot[k];
        etaDot[0] *= e;
        etaDot[0] += etaDotDot[0] * dt4;
        etaDot[0] *= e;
        for (int k = 1; k < M; k++) {
            double f = Math.exp(-dt8 * etaDot[k + 1]);
            etaDot[k] *= f;
            etaDotDot[k] = (mass[k - 1] * etaDot[k - 1] * etaDot[k - 1] - target) / mass[k];
            etaDot[k] += etaDotDot[k] * dt4;
            etaDot[k] *= f;
        }
        return factor;
    }

    @Override
    public double extendedEnergy() {
        double en = dof * target * eta[0] + 0.5 * mass[0] * etaDot[0] * etaDot[0];
        for (int k = 1; k < M; k++) en += target * eta[k] + 0.5 * mass[k] * etaDot[k] * etaDot[k];
        return en;
    }

    @Override
    public double[] state() {
        double[] st = new double[3 * M + 2];
        System.arraycopy(eta, 0, st, 0, M);
        System.arraycopy(etaDot, 0, st, M, M);
        System.arraycopy(etaDotDot, 0, st, 2 * M, M);
        st[3 * M] = tCurrent;
        st[3 * M + 1] = target;
        return st;
    }

    @Override
    public void restore(double[] st) {
        if (st.length != 3 * M + 2) throw new IllegalArgumentException("NVT checkpoint state has " + st.length + " values, expected " + (3 * M + 2));
        System.arraycopy(st, 0, eta, 0, M);
        System.arraycopy(st, M, etaDot, 0, M);
        System.arraycopy(st, 2 * M, etaDotDot, 0, M);
        tCurrent = st[3 * M];
        target = st[3 * M + 1];
    }
}
