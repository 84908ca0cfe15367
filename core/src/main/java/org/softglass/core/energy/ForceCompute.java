package org.softglass.core.energy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.space.Box;

/**
 * The one driver loop for pair potentials: forces, per-particle energies, total energy and virial
 * over a FULL neighbour list.
 *
 * <p>For each particle i (in parallel over fixed chunks of particles) the minimum-image separations
 * {@code d_ij = r_i − r_j} of its listed neighbours are gathered into per-species blocks, and the
 * {@link PairKernel} (SIMD or scalar) sums, per block,
 * <pre>
 *   F_i = Σ_j (−U'(r_ij)/r_ij) d_ij,   e_i = ½ Σ_j U(r_ij),   w_i = ½ Σ_j r_ij² (−U'(r_ij)/r_ij).
 * </pre>
 * Total energy {@code U = Σ e_i} (the LAMMPS {@code pe/atom} split, half of each pair to each atom)
 * and virial {@code W = Σ_pairs r_ij·f_ij = Σ w_i} are summed serially over particles, so every
 * output is bit-identical for any thread count. Each pair is evaluated twice (once from each side);
 * in exchange no thread ever writes another particle's force.
 *
 * <p>Modifies the store's forces (overwritten). Pressure from W: {@code P = (N_dof T + W)/(3V)}.
 */
public final class ForceCompute implements AutoCloseable {
    /** Particles per parallel chunk (fixed, independent of the thread count). */
    static final int CHUNK = 128;

    private final PairPotential potential;
    private final Parallel parallel;
    private final boolean ownsParallel;
    private final PairKernel kernel;
    private final Scratch[] scratch;

    /** Result of one evaluation: total potential energy U (ε) and virial W = Σ r·f (ε). */
    public record Result(double energy, double virial) {
        /** Virial part of the pressure {@code W / (3V)}. */
        public double virialPressure(Box box) { return virial / (3.0 * box.volume()); }
        /** Pressure {@code (dof·T + W)/(3V)} for a kinetic temperature T with dof degrees of freedom. */
        public double pressure(Box box, double dof, double temperature) {
            return (dof * temperature + virial) / (3.0 * box.volume());
        }
    }

    /** A driver with its own team of {@code threads} workers and the default kernel. */
    public ForceCompute(PairPotential potential, int threads) {
        this(potential, new Parallel(threads), true, PairKernel.get());
    }

    /** A driver on a shared team (not closed by this driver) with an explicit kernel. */
    public ForceCompute(PairPotential potential, Parallel parallel, PairKernel kernel) {
        this(potential, parallel, false, kernel);
    }

    private ForceCompute(PairPotential potential, Parallel parallel, boolean owns, PairKernel kernel) {
        this.potential = potential;
        this.parallel = parallel;
        this.ownsParallel = owns;
        this.kernel = kernel;
        this.scratch = new Scratch[parallel.threads()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = new Scratch(potential.speciesCount());
    }

    public PairPotential potential() { return potential; }

    /** Forces only (no energy, no virial): the MD hot path. Overwrites the store's forces. */
    public void forces(ParticleStore p, Box box, NeighborList list) {
        run(p, box, list, null, false);
    }

    /**
     * Forces, total energy and virial; per-particle energies into {@code perAtomEnergy} when not null
     * (length ≥ N, indexed by slot; overwritten).
     */
    public Result compute(ParticleStore p, Box box, NeighborList list, double[] perAtomEnergy) {
        double[] e = perAtomEnergy != null ? perAtomEnergy : new double[p.size()];
        double[] w = new double[p.size()];
        run(p, box, list, new double[][] {e, w}, true);
        double u = 0, vir = 0;
        for (int i = 0; i < p.size(); i++) {
            u += e[i];
            vir += w[i];
        }
        return new Result(u, vir);
    }

    private void run(ParticleStore p, Box box, NeighborList list, double[][] out, boolean energy) {
        check(p, box, list);
        final int n = p.size();
        final MemorySegment xs = p.positions(0), ys = p.positions(1), zs = p.positions(2), sp = p.speciesSegment();
        final MemorySegment fxs = p.forces(0), fys = p.forces(1), fzs = p.forces(2);
        final double lx = box.lx(), ly = box.ly(), lz = box.lz(), ilx = 1 / lx, ily = 1 / ly, ilz = 1 / lz;
        final int ns = potential.speciesCount();
        parallel.forChunks(n, CHUNK, (worker, chunk, from, to) -> {
            Scratch s = scratch[worker];
            double[] acc = s.acc;
            for (int i = from; i < to; i++) {
                double xi = xs.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                double yi = ys.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                double zi = zs.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                int si = sp.getAtIndex(ValueLayout.JAVA_INT, i);
                long k0 = list.start(i), k1 = list.end(i);
                s.ensure((int) (k1 - k0), kernel);
                java.util.Arrays.fill(s.count, 0);
                for (long k = k0; k < k1; k++) {
                    int j = list.neighbor(k);
                    int b = sp.getAtIndex(ValueLayout.JAVA_INT, j);
                    double dx = xi - xs.getAtIndex(ValueLayout.JAVA_DOUBLE, j);
                    double dy = yi - ys.getAtIndex(ValueLayout.JAVA_DOUBLE, j);
                    double dz = zi - zs.getAtIndex(ValueLayout.JAVA_DOUBLE, j);
                    int c = s.count[b]++;
                    s.dx[b][c] = dx - lx * Math.rint(dx * ilx);
                    s.dy[b][c] = dy - ly * Math.rint(dy * ily);
                    s.dz[b][c] = dz - lz * Math.rint(dz * ilz);
                }
                acc[0] = acc[1] = acc[2] = acc[3] = acc[4] = 0;
                for (int b = 0; b < ns; b++) {
                    int c = s.count[b];
                    if (c == 0) continue;
                    int pad = kernel.padded(c);
                    java.util.Arrays.fill(s.dx[b], c, pad, PairKernel.PAD);
                    java.util.Arrays.fill(s.dy[b], c, pad, PairKernel.PAD);
                    java.util.Arrays.fill(s.dz[b], c, pad, PairKernel.PAD);
                    kernel.accumulate(potential.params(si, b), s.dx[b], s.dy[b], s.dz[b], c, energy, acc);
                }
                fxs.setAtIndex(ValueLayout.JAVA_DOUBLE, i, acc[0]);
                fys.setAtIndex(ValueLayout.JAVA_DOUBLE, i, acc[1]);
                fzs.setAtIndex(ValueLayout.JAVA_DOUBLE, i, acc[2]);
                if (energy) {
                    out[0][i] = 0.5 * acc[3];
                    out[1][i] = 0.5 * acc[4];
                }
            }
        });
    }

    private void check(ParticleStore p, Box box, NeighborList list) {
        if (list.kind() != NeighborList.Kind.FULL) {
            throw new IllegalArgumentException("ForceCompute needs a FULL neighbour list, got " + list.kind());
        }
        if (list.size() != p.size()) {
            throw new IllegalArgumentException("neighbour list has " + list.size() + " rows but the store has " + p.size() + " particles");
        }
        if (list.cutoff() < potential.maxCutoff()) {
            throw new IllegalArgumentException("neighbour list radius " + list.cutoff() + " is below the potential cutoff " + potential.maxCutoff());
        }
        int ns = p.speciesCount();
        if (ns > potential.speciesCount()) {
            throw new IllegalArgumentException("particles have species up to " + ns + " (type " + ns + ") but model '"
                    + potential.name() + "' defines " + potential.speciesCount());
        }
    }

    /** Per-worker gather buffers, one block per neighbour species. */
    private static final class Scratch {
        final int[] count;
        double[][] dx, dy, dz;
        final double[] acc = new double[5];

        Scratch(int ns) {
            count = new int[ns];
            dx = new double[ns][0];
            dy = new double[ns][0];
            dz = new double[ns][0];
        }

        void ensure(int rowLength, PairKernel kernel) {
            int need = kernel.padded(rowLength);
            if (dx[0].length >= need) return;
            int cap = Math.max(need, 2 * dx[0].length);
            for (int b = 0; b < count.length; b++) {
                dx[b] = new double[cap];
                dy[b] = new double[cap];
                dz[b] = new double[cap];
            }
        }
    }

    @Override
    public void close() {
        if (ownsParallel) parallel.close();
    }
}
