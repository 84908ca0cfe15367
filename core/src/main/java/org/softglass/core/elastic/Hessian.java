package org.softglass.core.elastic;

import java.util.Objects;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.partition.NeighborList;
import org.softglass.core.partition.NeighborListBuilder;
import org.softglass.core.simd.Simd;
import org.softglass.core.space.Box;

/**
 * The analytic Hessian {@code M = ∂²U/∂x∂x} of a pair potential {@code U = Σ_{i<j} u(r_ij)} at a
 * configuration, in sparse 3×3-block form (block compressed rows over interacting pairs).
 *
 * <p><b>Formula.</b> With {@code d = r_i − r_j}, {@code f = −u'(r)/r} and {@code f' = df/d(r²)}
 * ({@link PairPotential#forceOverR}, {@link PairPotential#forceOverRDerivative}) the pair block is
 * <pre>
 *   K_ij = ∂²u/∂r_i∂r_i = −f I − 2 f' d dᵀ      (= u'' n nᵀ + (u'/r)(I − n nᵀ)),
 *   M_ij = −K_ij (j ≠ i),   M_ii = Σ_j K_ij,   so   (M x)_i = Σ_j K_ij (x_i − x_j).
 * </pre>
 * Only the symmetric pair blocks K_ij are stored, once per direction of each interacting pair
 * (r_ij &lt; r_c of the species pair): row i lists its interacting neighbours j ascending
 * ({@code rowStart}, {@code column}) and six arrays hold K_xx, K_xy, K_xz, K_yy, K_yz, K_zz per entry.
 * The product in the difference form annihilates a uniform translation exactly, in floating point.
 *
 * <p><b>Layout of vectors.</b> Every 3N vector is a {@code double[]} with component a of particle i
 * at index {@code 3i + a} (particle slots of the store).
 *
 * <p><b>Sheared box.</b> With a tilt γ ≠ 0 the positions are read as reference coordinates s of a
 * box deformed by {@code H = I + γ x̂⊗ŷ} (simple shear, Lees–Edwards): separations are
 * {@code d = H · minimumImage(s_i − s_j)}. The Hessian, forces and energy are those with respect to
 * the real positions {@code x = H s}. γ = 0 is the ordinary periodic box.
 *
 * <p><b>Cost.</b> Assembly builds a FULL neighbour list of radius {@code (1 + |γ|) r_c,max}, counts
 * each row's interacting pairs, then fills the rows (both passes parallel over rows; each pair is
 * evaluated from both sides); memory 52 bytes per stored entry
 * (≈ 3.4 kB per KA particle at ρ = 1.2). The product is parallel over rows; each row sums in a fixed
 * order, so it is bit-identical for any thread count (SIMD and scalar paths differ in the last bits).
 * Also computed: the forces {@code F = −∂U/∂x}, the energy U and per-particle interaction counts.
 *
 * <p><b>Three-body term.</b> For a potential with a {@link org.softglass.core.energy.TripletTerm}
 * (Stillinger–Weber) the triplets formed by each particle's interacting neighbours add general 3×3 blocks
 * kept apart ({@link TripletBlocks}: they are not symmetric, and they couple particles up to 2 r_c apart);
 * every product, {@link #dense()}, the energy and the forces include them. {@link #pairs()},
 * {@link #entries()}, {@link #rowBlocks} and {@link #neighbors} describe the pair blocks only; a rattler
 * is then a particle with no interacting neighbour ({@link #rattlers()}).
 *
 * <p>Immutable after assembly, except that {@link #close()} stops the worker team. The multiply
 * methods may be called concurrently.
 */
public final class Hessian implements AutoCloseable {
    /** Rows per parallel chunk (fixed, independent of the thread count). */
    static final int CHUNK = 256;

    private final int n;
    private final Box box;
    private final double shear;
    private final PairPotential potential;
    private final double[] pos;      // 3N reference positions
    private final int[] species;
    private final int[] rowStart;    // N + 1
    private final int[] col3;        // 3 j per entry (gather index of x_j)
    final double[] kxx, kxy, kxz, kyy, kyz, kzz;
    private final double[] force;    // 3N
    private double energy;
    private final Parallel parallel;
    private TripletBlocks triplets;   // null without a three-body term

    private Hessian(int n, Box box, double shear, PairPotential potential, double[] pos, int[] species, int[] rowStart,
                    int entries, Parallel parallel) {
        this.n = n;
        this.box = box;
        this.shear = shear;
        this.potential = potential;
        this.pos = pos;
        this.species = species;
        this.rowStart = rowStart;
        this.col3 = new int[entries];
        this.kxx = new double[entries];
        this.kxy = new double[entries];
        this.kxz = new double[entries];
        this.kyy = new double[entries];
        this.kyz = new double[entries];
        this.kzz = new double[entries];
        this.force = new double[3 * n];
        this.parallel = parallel;
    }

    /** The Hessian in the periodic box (γ = 0); see {@link #assemble(ParticleStore, Box, PairPotential, double, int)}. */
    public static Hessian assemble(ParticleStore p, Box box, PairPotential potential, int threads) {
        return assemble(p, box, potential, 0.0, threads);
    }

    /**
     * Assembles the Hessian at the store's positions (read, not modified; species in
     * {@code [0, potential species)}).
     *
     * @param shearXY tilt γ of the simple shear {@code x += γ y} (class comment); 0 for the plain box
     * @param threads workers for the assembly and the products, ≥ 1
     * @throws IllegalArgumentException if a species is unknown or the box is shorter than twice the list radius
     */
    public static Hessian assemble(ParticleStore p, Box box, PairPotential potential, double shearXY, int threads) {
        Objects.requireNonNull(p, "particles");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(potential, "potential");
        if (!Double.isFinite(shearXY)) throw new IllegalArgumentException("shear tilt must be finite, got " + shearXY);
        int n = p.size();
        double[] pos = new double[3 * n];
        int[] sp = new int[n];
        for (int i = 0; i < n; i++) {
            pos[3 * i] = p.x(i);
            pos[3 * i + 1] = p.y(i);
            pos[3 * i + 2] = p.z(i);
            sp[i] = p.species(i);
            if (sp[i] < 0 || sp[i] >= potential.speciesCount()) {
                throw new IllegalArgumentException("particle slot " + i + " has species " + sp[i] + ", the potential '"
                        + potential.name() + "' defines " + potential.speciesCount());
            }
        }
        double radius = potential.maxCutoff() * (1 + Math.abs(shearXY)) + 1e-9;
        Parallel par = new Parallel(threads);
        try (NeighborListBuilder b = new NeighborListBuilder(box, radius, threads);
             NeighborList list = b.build(p, NeighborList.Kind.FULL)) {
            int[] start = new int[n + 1];
            int[] counts = new int[n];
            // pass 1: interacting neighbours per row, rows in parallel
            par.forChunks(n, CHUNK, (w, ch, from, to) -> {
                double[] d = new double[3];
                for (int i = from; i < to; i++) {
                    int c = 0;
                    for (long k = list.start(i), e = list.end(i); k < e; k++) {
                        int j = list.neighbor(k);
                        double r2 = separation(pos, box, shearXY, i, j, d);
                        if (r2 < potential.params(sp[i], sp[j]).rc2()) c++;
                    }
                    counts[i] = c;
                }
            });
            for (int i = 0; i < n; i++) start[i + 1] = start[i] + counts[i];
            Hessian h = new Hessian(n, box, shearXY, potential, pos, sp, start, start[n], par);
            h.fillRows(list);
            if (potential.hasTripletTerm()) h.addTriplets();
            return h;
        } catch (RuntimeException e) {
            par.close();
            throw e;
        }
    }

    /** Pass 2: fills the entries, forces and energy of every row from the list, in parallel. */
    private void fillRows(NeighborList list) {
        final double[] e = new double[n];
        parallel.forChunks(n, CHUNK, (w, c, from, to) -> {
            double[] d = new double[3];
            for (int i = from; i < to; i++) {
                int k = rowStart[i];
                double fx = 0, fy = 0, fz = 0, ui = 0;
                for (long q = list.start(i), end = list.end(i); q < end; q++) {
                    int j = list.neighbor(q);
                    double r2 = separation(pos, box, shear, i, j, d);
                    int a = species[i], b = species[j];
                    if (!(r2 < potential.params(a, b).rc2())) continue;
                    double f = potential.forceOverR(a, b, r2), fp = -2.0 * potential.forceOverRDerivative(a, b, r2);
                    col3[k] = 3 * j;
                    kxx[k] = -f + fp * d[0] * d[0];
                    kxy[k] = fp * d[0] * d[1];
                    kxz[k] = fp * d[0] * d[2];
                    kyy[k] = -f + fp * d[1] * d[1];
                    kyz[k] = fp * d[1] * d[2];
                    kzz[k] = -f + fp * d[2] * d[2];
                    fx += f * d[0];
                    fy += f * d[1];
                    fz += f * d[2];
                    ui += 0.5 * potential.energy(a, b, r2);
                    k++;
                }
                force[3 * i] = fx;
                force[3 * i + 1] = fy;
                force[3 * i + 2] = fz;
                e[i] = ui;
            }
        });
        double u = 0;
        for (int i = 0; i < n; i++) u += e[i];
        this.energy = u;
    }

    /** Assembles the three-body blocks and adds their energy and forces. */
    private void addTriplets() {
        triplets = TripletBlocks.assemble(potential.tripletTerm(), n, rowStart, col3, pos, box, shear);
        energy += triplets.energy;
        for (int k = 0; k < force.length; k++) force[k] += triplets.force[k];
    }

    /** The three-body blocks, or null for a pair potential. */
    TripletBlocks triplets() { return triplets; }

    /** Number of stored three-body blocks B_lm ({@link TripletBlocks}; 0 for a pair potential). */
    public int tripletBlockCount() { return triplets == null ? 0 : triplets.col3.length; }

    /**
     * The three-body blocks of row l as {@code {m, B_xx, B_xy, B_xz, B_yx, ..., B_zz}} per block (10 doubles
     * each, columns m ascending, the diagonal block m = l included; B_lm = ∂²U₃/∂r_l∂r_m, ε/σ²): a new array,
     * empty for a pair potential. The full matrix is the pair part ({@link #rowBlocks}) plus these blocks.
     */
    public double[] tripletRowBlocks(int l) {
        checkSlot(l);
        if (triplets == null) return new double[0];
        int s = triplets.rowStart[l], c = triplets.rowStart[l + 1] - s;
        double[] r = new double[10 * c];
        for (int k = 0; k < c; k++) {
            r[10 * k] = triplets.col3[s + k] / 3;
            for (int q = 0; q < 9; q++) r[10 * k + 1 + q] = triplets.element(s + k, q / 3, q % 3);
        }
        return r;
    }

    /**
     * Separation {@code d = H·minimumImage(s_i − s_j)} into {@code out} (3 doubles); returns |d|².
     */
    static double separation(double[] pos, Box box, double shear, int i, int j, double[] out) {
        double dx = box.minimumImage(pos[3 * i] - pos[3 * j], 0);
        double dy = box.minimumImage(pos[3 * i + 1] - pos[3 * j + 1], 1);
        double dz = box.minimumImage(pos[3 * i + 2] - pos[3 * j + 2], 2);
        dx += shear * dy;
        out[0] = dx;
        out[1] = dy;
        out[2] = dz;
        return dx * dx + dy * dy + dz * dz;
    }

    /** Number of particles N; the matrix is 3N × 3N. */
    public int size() { return n; }
    /** Matrix order 3N. */
    public int dimension() { return 3 * n; }
    public Box box() { return box; }
    /** The shear tilt γ the Hessian was assembled at (0 for the plain box). */
    public double shear() { return shear; }
    public PairPotential potential() { return potential; }
    /** Stored pair blocks (each interacting pair twice). */
    public int entries() { return rowStart[n]; }
    /** Interacting pairs (i &lt; j). */
    public int pairs() { return rowStart[n] / 2; }
    /** Number of particles that interact with particle i (r_ij &lt; r_c of the pair). */
    public int contacts(int i) { return rowStart[i + 1] - rowStart[i]; }
    /** The interacting neighbours of particle i, ascending slots (new array). */
    public int[] neighbors(int i) {
        int[] r = new int[contacts(i)];
        for (int k = 0; k < r.length; k++) r[k] = col3[rowStart[i] + k] / 3;
        return r;
    }

    /**
     * The six independent components K_xx, K_xy, K_xz, K_yy, K_yz, K_zz (ε/σ²) of the pair blocks of
     * row i, in the order of {@link #neighbors(int)}: a new array of 6 per neighbour.
     */
    public double[] rowBlocks(int i) {
        checkSlot(i);
        int s = rowStart[i], c = contacts(i);
        double[] b = new double[6 * c];
        for (int k = 0; k < c; k++) {
            b[6 * k] = kxx[s + k];
            b[6 * k + 1] = kxy[s + k];
            b[6 * k + 2] = kxz[s + k];
            b[6 * k + 3] = kyy[s + k];
            b[6 * k + 4] = kyz[s + k];
            b[6 * k + 5] = kzz[s + k];
        }
        return b;
    }

    /** Whether particles i and j interact (j is a stored neighbour of i). */
    public boolean interacts(int i, int j) {
        checkSlot(i);
        checkSlot(j);
        int lo = rowStart[i], hi = rowStart[i + 1] - 1, key = 3 * j;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (col3[mid] < key) lo = mid + 1;
            else if (col3[mid] > key) hi = mid - 1;
            else return true;
        }
        return false;
    }

    /** Total potential energy U at the configuration (ε). */
    public double energy() { return energy; }

    /** Forces {@code F = −∂U/∂x} at the configuration (3N, copy; ε/σ). */
    public double[] forces() { return force.clone(); }

    /** Largest absolute force component (ε/σ), LAMMPS {@code fmax}. */
    public double maxForce() {
        double m = 0;
        for (double v : force) m = Math.max(m, Math.abs(v));
        return m;
    }

    /** 2-norm of the 3N force vector (ε/σ), LAMMPS {@code fnorm}. */
    public double forceNorm() {
        double s = 0;
        for (double v : force) s += v * v;
        return Math.sqrt(s);
    }

    /**
     * Refuses a configuration that is not at a minimum of U.
     *
     * @param fmaxLimit largest admissible absolute force component (ε/σ), e.g. 1e-6
     * @throws ElasticException naming the largest component, its particle and the limit
     */
    public void requireMinimum(double fmaxLimit) {
        int worst = 0;
        for (int k = 1; k < force.length; k++) if (Math.abs(force[k]) > Math.abs(force[worst])) worst = k;
        if (!(Math.abs(force[worst]) <= fmaxLimit)) {
            throw new ElasticException(String.format("configuration is not at an energy minimum: largest force component %.3g"
                    + " (particle slot %d, %s) exceeds the limit %.3g; quench it first (softglass quench)",
                    Math.abs(force[worst]), worst / 3, Box.axisName(worst % 3), fmaxLimit));
        }
    }

    /**
     * Particles with fewer than 4 (= d + 1) interacting neighbours: such a particle cannot be held
     * rigidly by pair forces, so the Hessian has zero modes beyond the translations (a rattler). With a
     * three-body term the bond angles hold a particle with fewer bonds, so only a particle with no
     * interacting neighbour counts (our choice; a chain end bonded to one particle is held by the angle
     * terms at that particle).
     */
    public int[] rattlers() {
        int min = minContacts();
        int c = 0;
        for (int i = 0; i < n; i++) if (contacts(i) < min) c++;
        int[] r = new int[c];
        for (int i = 0, k = 0; i < n; i++) if (contacts(i) < min) r[k++] = i;
        return r;
    }

    private int minContacts() { return triplets != null ? 1 : 4; }

    /**
     * Refuses a Hessian with rattlers ({@link #rattlers()}).
     *
     * @throws ElasticException naming the number of rattlers and the first one
     */
    public void requireNoRattlers() {
        int[] r = rattlers();
        if (r.length > 0) {
            throw new ElasticException(String.format("Hessian is singular beyond the 3 translations: %d rattler(s) with fewer than"
                    + " %d interacting %s (first: particle slot %d with %d); remove them before computing elastic moduli",
                    r.length, minContacts(), minContacts() == 1 ? "neighbour" : "neighbours", r[0], contacts(r[0])));
        }
    }

    /** y = M x with the Hessian's worker team; x and y are 3N (x not modified, y overwritten). */
    public void multiply(double[] x, double[] y) {
        checkLength(x, "x");
        checkLength(y, "y");
        parallel.forChunks(n, CHUNK, (w, c, from, to) -> multiplyRows(x, y, from, to));
    }

    /** y = M x on the calling thread only (for solving many systems in parallel). */
    public void multiplySerial(double[] x, double[] y) {
        checkLength(x, "x");
        checkLength(y, "y");
        multiplyRows(x, y, 0, n);
    }

    /**
     * Rows [from, to) of y = M x: pair blocks SIMD or scalar by {@link Simd#enabled()}, three-body blocks by
     * {@link TripletBlockKernels#rows()} (scalar unless {@code -Dsoftglass.simd.hessianTriplets=vector}).
     */
    void multiplyRows(double[] x, double[] y, int from, int to) {
        HessianKernels.get().rows(this, col3, rowStart, x, y, from, to);
        if (triplets != null) TripletBlockKernels.rows().addRows(triplets, x, y, from, to);
    }

    /** Scalar twin of the product, whatever {@link Simd#enabled()} says (tests, benchmarks). */
    public void multiplyScalar(double[] x, double[] y) {
        checkLength(x, "x");
        checkLength(y, "y");
        HessianKernels.scalar().rows(this, col3, rowStart, x, y, 0, n);
        if (triplets != null) TripletBlockKernels.scalar().addRows(triplets, x, y, 0, n);
    }

    /**
     * Vector-API product (pair and three-body blocks), whatever {@link Simd#enabled()} says (tests, benchmarks).
     *
     * @throws UnsupportedOperationException without {@code jdk.incubator.vector}
     */
    public void multiplySimd(double[] x, double[] y) {
        checkLength(x, "x");
        checkLength(y, "y");
        HessianKernels.panama().rows(this, col3, rowStart, x, y, 0, n);
        if (triplets != null) TripletBlockKernels.panama().addRows(triplets, x, y, 0, n);
    }

    /**
     * Y = M X for {@code nr} vectors at once on the calling thread, interleaved layout: component a
     * of particle i of vector r at {@code (3i + a)·nr + r} (X not modified, Y overwritten; both 3N·nr).
     * The matrix is read once for all vectors. With {@link Simd#enabled()} and nr a multiple of the
     * lane count the Vector-API kernel runs for the pair blocks (lanes over vectors, fused multiply-adds); otherwise
     * {@link #multiplyManyScalar}'s. The three-body blocks go through {@link TripletBlockKernels#blocked()}: with
     * {@link Simd#enabled()} the Vector-API kernel for each full group of lanes and the scalar one for the vectors
     * after it (so a vector's result depends on its position, never on the other vectors' values).
     */
    public void multiplyMany(double[] x, double[] y, int nr) {
        checkMany(x, y, nr);
        HessianKernels.get().rowsMulti(this, col3, rowStart, x, y, nr, 0, n);
        if (triplets != null) TripletBlockKernels.blocked().addRowsMulti(triplets, x, y, nr, 0, n);
    }

    /** Scalar blocked product: each vector's result equals {@link #multiplyScalar} bit for bit. */
    public void multiplyManyScalar(double[] x, double[] y, int nr) {
        checkMany(x, y, nr);
        HessianKernels.scalar().rowsMulti(this, col3, rowStart, x, y, nr, 0, n);
        if (triplets != null) TripletBlockKernels.scalar().addRowsMulti(triplets, x, y, nr, 0, n);
    }

    private void checkMany(double[] x, double[] y, int nr) {
        if (nr < 1) throw new IllegalArgumentException("number of vectors must be >= 1, got " + nr);
        if (x.length != 3 * n * nr || y.length != 3 * n * nr) {
            throw new IllegalArgumentException("X and Y must have length 3N·nr = " + 3 * n * nr + ", got " + x.length + " and " + y.length);
        }
    }

    /**
     * Removes the 3 translational components in place: {@code v_i ← v_i − (1/N) Σ_j v_j} per axis
     * (the orthogonal projection onto the complement of the zero modes).
     */
    public static void projectTranslations(double[] v) {
        if (v.length % 3 != 0) throw new IllegalArgumentException("vector length " + v.length + " is not a multiple of 3");
        int n = v.length / 3;
        double sx = 0, sy = 0, sz = 0;
        for (int i = 0; i < n; i++) {
            sx += v[3 * i];
            sy += v[3 * i + 1];
            sz += v[3 * i + 2];
        }
        sx /= n;
        sy /= n;
        sz /= n;
        for (int i = 0; i < n; i++) {
            v[3 * i] -= sx;
            v[3 * i + 1] -= sy;
            v[3 * i + 2] -= sz;
        }
    }

    /**
     * The full matrix, column-major 3N × 3N (element (r, c) at {@code r + 3N c}); for small systems
     * and tests: refuses 3N &gt; 20 000 (3.2 GB).
     */
    public double[] dense() {
        int m = 3 * n;
        if (m > 20_000) throw new IllegalArgumentException("dense Hessian of order " + m + " is too large (limit 20000)");
        double[] a = new double[m * m];
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = col3[k] / 3;
                double[] b = {kxx[k], kxy[k], kxz[k], kxy[k], kyy[k], kyz[k], kxz[k], kyz[k], kzz[k]};
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        a[(3 * i + r) + m * (3 * i + c)] += b[3 * r + c];
                        a[(3 * i + r) + m * (3 * j + c)] -= b[3 * r + c];
                    }
                }
            }
        }
        if (triplets != null) triplets.forEach((r, c, v) -> a[r + m * c] += v);
        return a;
    }

    /** Heap bytes held by the sparse matrix and its side arrays. */
    public long memoryBytes() {
        long e = rowStart[n];
        return e * (6 * 8 + 4) + (n + 1L) * 4 + n * (3 * 8 * 2 + 4L) + (triplets != null ? triplets.memoryBytes() : 0);
    }

    /** Reference positions (3N, as assembled); shared, do not modify. */
    double[] positionsShared() { return pos; }
    int species(int i) { return species[i]; }
    int rowStart(int i) { return rowStart[i]; }
    int column(int k) { return col3[k] / 3; }
    Parallel parallel() { return parallel; }

    private void checkLength(double[] v, String name) {
        if (v.length != 3 * n) throw new IllegalArgumentException(name + " must have length 3N = " + 3 * n + ", got " + v.length);
    }

    private void checkSlot(int i) {
        if (i < 0 || i >= n) throw new IllegalArgumentException("particle slot " + i + " is outside [0, " + n + ")");
    }

    /** Stops the worker team. */
    @Override
    public void close() { parallel.close(); }
}
