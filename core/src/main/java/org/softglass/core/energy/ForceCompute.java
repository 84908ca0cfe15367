package org.softglass.core.energy;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.simd.PairKernel;
import org.softglass.core.simd.PairParams;
import org.softglass.core.simd.PairRow;
import org.softglass.core.simd.PeriodicLengths;
import org.softglass.core.simd.TripletKernel;
import org.softglass.core.space.Box;

/**
 * The one driver loop for pair potentials: forces, per-particle energies, total energy and virial
 * over a FULL neighbour list (each pair seen from both sides; bit-identical for any thread count) or
 * a HALF list (each pair once, Newton's third law, about half the work; identical run to run for a
 * given thread count), see {@code runHalf}.
 *
 * <p>For each particle i (in parallel over fixed chunks of particles) its listed neighbours' positions
 * and species are gathered from a packed heap copy ({@code x, y, z, species} per slot) into
 * contiguous arrays, and the {@link PairKernel}
 * (SIMD or scalar) forms the minimum-image separations {@code d_ij = r_i − r_j} and sums
 * <pre>
 *   F_i = Σ_j (−U'(r_ij)/r_ij) d_ij,   e_i = ½ Σ_j U(r_ij),   w_i = ½ Σ_j r_ij² (−U'(r_ij)/r_ij).
 * </pre>
 * Total energy {@code U = Σ e_i} (the LAMMPS {@code pe/atom} split, half of each pair to each atom)
 * and virial {@code W = Σ_pairs r_ij·f_ij = Σ w_i} are summed serially over particles, so every
 * output is bit-identical for any thread count. Each pair is evaluated twice (once from each side);
 * in exchange no thread ever writes another particle's force.
 *
 * <p>The list may be slot-indexed or cell-ordered ({@link NeighborList#cellOrdered()}): the driver
 * then works in list positions throughout (packed copy, per-worker buffers) and writes each result
 * to slot {@code order[r]}; the sums are the same, grouped in the list's order.
 *
 * <p>A potential with a three-body term ({@link PairPotential#tripletTerm()}, Stillinger–Weber) gets a
 * second pass over the same list after the pair loop ({@link TripletForces}, its {@link TripletKernel} Vector-API
 * or scalar, bit-identical): its forces are added
 * to the pair forces, its energy and virial to U and W, a third of each triplet's energy to each of its
 * three particles' per-atom energies (LAMMPS {@code pair_style sw}).
 *
 * <p>Modifies the store's forces (overwritten). Pressure from W: {@code P = (N_dof T + W)/(3V)}.
 * Not thread-safe: one evaluation at a time per instance (it owns per-worker scratch).
 */
public final class ForceCompute implements AutoCloseable {
    /** Particles per parallel chunk (fixed, independent of the thread count). */
    static final int CHUNK = 128;

    private final PairPotential potential;
    private final Parallel parallel;
    private final boolean ownsParallel;
    private final PairKernel kernel;
    private final Scratch[] scratch;
    private final PairRow[] rows;
    private final TripletForces triplets;
    private double[] packed = new double[0];
    private int[] species = new int[0];

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
        this(potential, new Parallel(threads), true, PairKernel.get(), TripletKernel.get());
    }

    /** A driver on a shared team (not closed by this driver) with an explicit pair kernel and the default triplet kernel. */
    public ForceCompute(PairPotential potential, Parallel parallel, PairKernel kernel) {
        this(potential, parallel, false, kernel, TripletKernel.get());
    }

    /** A driver on a shared team (not closed by this driver) with explicit pair and triplet kernels (tests, benchmarks). */
    public ForceCompute(PairPotential potential, Parallel parallel, PairKernel kernel, TripletKernel tripletKernel) {
        this(potential, parallel, false, kernel, tripletKernel);
    }

    private ForceCompute(PairPotential potential, Parallel parallel, boolean owns, PairKernel kernel, TripletKernel tripletKernel) {
        this.potential = potential;
        this.parallel = parallel;
        this.ownsParallel = owns;
        this.kernel = kernel;
        this.scratch = new Scratch[parallel.threads()];
        for (int w = 0; w < scratch.length; w++) scratch[w] = new Scratch();
        int ns = potential.speciesCount();
        this.rows = new PairRow[ns];
        for (int a = 0; a < ns; a++) {
            PairParams[] r = new PairParams[ns];
            for (int b = 0; b < ns; b++) r[b] = potential.params(a, b);
            rows[a] = new PairRow(r);
        }
        this.triplets = potential.hasTripletTerm() ? new TripletForces(potential.tripletTerm(), parallel, tripletKernel) : null;
    }

    public PairPotential potential() { return potential; }

    /** Forces only (no energy, no virial): the MD hot path. Overwrites the store's forces. */
    public void forces(ParticleStore p, Box box, NeighborList list) {
        if (list.kind() == NeighborList.Kind.HALF) runHalf(p, box, list, null, false);
        else run(p, box, list, null, false);
        if (triplets != null) triplets.add(p, box, list, null, false);
    }

    /**
     * Forces, total energy and virial; per-particle energies into {@code perAtomEnergy} when not null
     * (length ≥ N, indexed by slot; overwritten).
     */
    public Result compute(ParticleStore p, Box box, NeighborList list, double[] perAtomEnergy) {
        Result pair = computePairs(p, box, list, perAtomEnergy);
        if (triplets == null) return pair;
        Result t = triplets.add(p, box, list, perAtomEnergy, true);
        return new Result(pair.energy() + t.energy(), pair.virial() + t.virial());
    }

    private Result computePairs(ParticleStore p, Box box, NeighborList list, double[] perAtomEnergy) {
        if (list.kind() == NeighborList.Kind.HALF) return runHalf(p, box, list, perAtomEnergy, true);
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
        final double[] pk = pack(p, list);
        final int[] sp = species;
        final PeriodicLengths pl = PeriodicLengths.of(box);
        final MemorySegment fxs = p.forces(0), fys = p.forces(1), fzs = p.forces(2);
        final MemorySegment indices = list.indices(), offsets = list.offsets();
        parallel.forChunks(n, CHUNK, (worker, chunk, from, to) -> {
            Scratch s = scratch[worker];
            double[] acc = s.acc;
            for (int i = from; i < to; i++) {
                int m = gatherRow(s, i, offsets, indices, pk, pl);
                int[] idx = s.idx;
                double[] xj = s.xj, yj = s.yj, zj = s.zj, sj = s.sj;
                double xi = pk[4 * i], yi = pk[4 * i + 1], zi = pk[4 * i + 2];
                acc[0] = acc[1] = acc[2] = acc[3] = acc[4] = 0;
                kernel.accumulate(rows[sp[i]], xi, yi, zi, xj, yj, zj, sj, m, pl, energy, acc, false);
                int slot = list.slot(i);
                fxs.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, acc[0]);
                fys.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, acc[1]);
                fzs.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, acc[2]);
                if (energy) {
                    out[0][slot] = 0.5 * acc[3];
                    out[1][slot] = 0.5 * acc[4];
                }
            }
        });
    }

    /**
     * The HALF-list path (each pair once, Newton's third law): worker w handles the fixed chunks
     * w, w+T, … ({@link Parallel#forChunksStatic}) and accumulates forces (and per-atom energies) of
     * both partners into its own buffers, which are then added up in worker order. Output is
     * identical run to run for a given thread count T (not across T: the sums are grouped by
     * worker). With {@code energy}, returns U and W: U summed over slots from the per-atom energies
     * when {@code perAtom} is given, else (no per-atom scatter at all) from each worker's row sums,
     * added in worker order; null when {@code energy} is false.
     */
    private Result runHalf(ParticleStore p, Box box, NeighborList list, double[] perAtom, boolean energy) {
        check(p, box, list);
        final int n = p.size(), nt = scratch.length;
        final double[] pk = pack(p, list);
        final int[] sp = species;
        final PeriodicLengths pl = PeriodicLengths.of(box);
        final MemorySegment indices = list.indices(), offsets = list.offsets();
        final boolean perAtomOut = energy && perAtom != null;
        for (Scratch s : scratch) s.prepare(n, perAtomOut);
        parallel.forChunksStatic(n, CHUNK, (worker, chunk, from, to) -> {
            Scratch s = scratch[worker];
            double[] acc = s.acc, f = s.force, e = s.energy;
            for (int i = from; i < to; i++) {
                int m = gatherRow(s, i, offsets, indices, pk, pl);
                if (m == 0) continue;
                int[] idx = s.idx;
                double[] xj = s.xj, yj = s.yj, zj = s.zj, sj = s.sj;
                double xi = pk[4 * i], yi = pk[4 * i + 1], zi = pk[4 * i + 2];
                acc[0] = acc[1] = acc[2] = acc[3] = acc[4] = 0;
                kernel.accumulate(rows[sp[i]], xi, yi, zi, xj, yj, zj, sj, m, pl, energy, acc, true);
                double gx = 0, gy = 0, gz = 0;
                for (int k = 0; k < m; k++) {
                    int j = 3 * idx[k];
                    f[j] -= xj[k];
                    f[j + 1] -= yj[k];
                    f[j + 2] -= zj[k];
                    gx += xj[k];
                    gy += yj[k];
                    gz += zj[k];
                }
                f[3 * i] += gx;
                f[3 * i + 1] += gy;
                f[3 * i + 2] += gz;
                if (perAtomOut) {
                    e[i] += 0.5 * acc[3];
                    for (int k = 0; k < m; k++) e[idx[k]] += 0.5 * sj[k];
                }
                if (energy) {
                    s.energySum += acc[3];
                    s.virial += acc[4];
                }
            }
        });
        final MemorySegment fxs = p.forces(0), fys = p.forces(1), fzs = p.forces(2);
        parallel.forChunks(n, 4096, (worker, chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                double gx = 0, gy = 0, gz = 0, u = 0;
                for (int w = 0; w < nt; w++) { // read and clear, ready for the next evaluation
                    double[] f = scratch[w].force;
                    gx += f[3 * i];
                    gy += f[3 * i + 1];
                    gz += f[3 * i + 2];
                    f[3 * i] = f[3 * i + 1] = f[3 * i + 2] = 0;
                    if (perAtomOut) {
                        u += scratch[w].energy[i];
                        scratch[w].energy[i] = 0;
                    }
                }
                int slot = list.slot(i);
                fxs.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, gx);
                fys.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, gy);
                fzs.setAtIndex(ValueLayout.JAVA_DOUBLE, slot, gz);
                if (perAtomOut) perAtom[slot] = u;
            }
        });
        double vir = 0, u = 0;
        for (Scratch s : scratch) {
            vir += s.virial;
            u += s.energySum;
            s.forceZero = true;
            if (perAtomOut) s.energyZero = true;
        }
        if (!energy) return null;
        if (perAtomOut) {
            u = 0;
            for (int i = 0; i < n; i++) u += perAtom[i];
        }
        return new Result(u, vir);
    }

    /**
     * Copies row i of the list into {@code s.idx} and gathers the neighbours' x, y, z, species from the
     * packed copy into {@code s.xj, yj, zj, sj}, padded for the kernel; returns the row length.
     */
    private int gatherRow(Scratch s, int i, MemorySegment offsets, MemorySegment indices, double[] pk, PeriodicLengths pl) {
        long k0 = offsets.getAtIndex(ValueLayout.JAVA_LONG, i), k1 = offsets.getAtIndex(ValueLayout.JAVA_LONG, i + 1L);
        int m = (int) (k1 - k0);
        s.ensure(kernel.padded(m));
        kernel.gather(indices, k0, m, pk, s.idx, s.idx4, s.xj, s.yj, s.zj, s.sj,
                pk[4 * i] - 0.5 * pl.lx(), pk[4 * i + 1] - 0.5 * pl.ly(), pk[4 * i + 2] - 0.5 * pl.lz());
        return m;
    }

    /**
     * Refreshes the packed heap copy the driver gathers from, indexed like the list's rows:
     * {@code packed[4r..4r+3] = x, y, z, species} of slot {@code list.slot(r)} (one cache line holds a neighbour's whole record), and
     * {@code species[r]} likewise. Parallel over fixed chunks; each writes only its own entries.
     */
    private double[] pack(ParticleStore p, NeighborList list) {
        int n = p.size();
        if (packed.length < 4 * n) {
            packed = new double[4 * n];
            species = new int[n];
        }
        final double[] pk = packed;
        final int[] sp = species;
        final MemorySegment xs = p.positions(0), ys = p.positions(1), zs = p.positions(2), ss = p.speciesSegment();
        parallel.forChunks(n, 4096, (worker, chunk, from, to) -> {
            for (int r = from; r < to; r++) {
                int i = list.slot(r);
                int t = ss.getAtIndex(ValueLayout.JAVA_INT, i);
                sp[r] = t;
                pk[4 * r] = xs.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                pk[4 * r + 1] = ys.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                pk[4 * r + 2] = zs.getAtIndex(ValueLayout.JAVA_DOUBLE, i);
                pk[4 * r + 3] = t;
            }
        });
        return pk;
    }

    private void check(ParticleStore p, Box box, NeighborList list) {
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

    /** Per-worker buffers: a neighbour row and its gathered coordinates and species. */
    private static final class Scratch {
        final double[] acc = new double[PairKernel.ACC_LENGTH];
        int[] idx = new int[0], idx4 = idx;
        double[] xj = new double[0], yj = xj, zj = xj, sj = xj;

        double[] force = new double[0], energy = new double[0];
        double virial, energySum;

        /** Whether force[0, 3n) (energy[0, n)) is known to be zero: the reduction clears what it reads. */
        boolean forceZero, energyZero;

        /**
         * Makes the per-worker accumulators for n particles zero (clearing them only if the last
         * evaluation did not finish its reduction) and marks them in use.
         */
        void prepare(int n, boolean withEnergy) {
            if (force.length < 3 * n) force = new double[3 * n];
            else if (!forceZero) java.util.Arrays.fill(force, 0.0); // all of it: a failed run may have used more
            forceZero = false;
            if (withEnergy) {
                if (energy.length < n) energy = new double[n];
                else if (!energyZero) java.util.Arrays.fill(energy, 0.0);
                energyZero = false;
            }
            virial = 0;
            energySum = 0;
        }

        void ensure(int cap) {
            if (idx.length >= cap) return;
            int c = Math.max(cap, 2 * idx.length);
            idx = new int[c];
            idx4 = new int[c];
            xj = new double[c]; yj = new double[c]; zj = new double[c]; sj = new double[c];
        }
    }

    @Override
    public void close() {
        if (ownsParallel) parallel.close();
    }
}
