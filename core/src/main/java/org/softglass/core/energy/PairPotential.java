package org.softglass.core.energy;

import org.softglass.core.simd.PairParams;

/**
 * A pair potential over a number of species: one {@link PairParams} per ordered species pair
 * (symmetric), each with its own functional form coefficients and cutoff. Immutable.
 *
 * <p>Units: energies in ε_AA, lengths in σ_AA. {@link #energy} returns the (shifted) pair energy
 * U(r) and {@link #forceOverR} returns {@code −U'(r)/r}; both are 0 at r ≥ r_c of the pair.
 * Build instances with {@link LennardJones}, {@link ShiftedForceLennardJones}, {@link Harmonic},
 * {@link InversePowerLaw}, {@link StickySpheres}, {@link StillingerWeber} or take a preset from {@link Models}.
 *
 * <p>A potential may carry a three-body {@link TripletTerm} besides its pairs ({@link #tripletTerm()}, the
 * Stillinger–Weber model): {@link ForceCompute} and the Hessian ({@code org.softglass.core.elastic.Hessian})
 * add it; code that handles pairs only must check {@link #hasTripletTerm()} and refuse.
 */
public final class PairPotential {
    private final String name;
    private final String description;
    private final int species;
    private final PairParams[] table;
    private final double maxCutoff;
    private final TripletTerm triplet;

    /**
     * @param table ns×ns row-major params, symmetric ({@code table[a*ns+b] == table[b*ns+a]})
     */
    PairPotential(String name, String description, int species, PairParams[] table) {
        this(name, description, species, table, null);
    }

    /**
     * With a three-body term (null for none) whose cutoff must not exceed any pair cutoff: the neighbour
     * list radius is taken from the pairs, and the Hessian ({@code TripletBlocks}) forms the triplets from
     * each particle's pair neighbours.
     */
    PairPotential(String name, String description, int species, PairParams[] table, TripletTerm triplet) {
        if (table.length != species * species) throw new IllegalArgumentException("table must be species²");
        for (int a = 0; a < species; a++) {
            for (int b = 0; b < species; b++) {
                if (!table[a * species + b].equals(table[b * species + a])) {
                    throw new IllegalArgumentException("pair table not symmetric at " + a + "," + b);
                }
            }
        }
        this.name = name;
        this.description = description;
        this.species = species;
        this.table = table.clone();
        double m = 0, least = Double.POSITIVE_INFINITY;
        for (PairParams p : table) {
            m = Math.max(m, Math.sqrt(p.rc2()));
            least = Math.min(least, Math.sqrt(p.rc2()));
        }
        if (triplet != null && triplet.cutoff() > least) {
            throw new IllegalArgumentException("three-body cutoff " + triplet.cutoff() + " exceeds the pair cutoff " + least
                    + " (a triplet neighbour must be a pair neighbour: the Hessian forms triplets from the pair rows)");
        }
        this.maxCutoff = m;
        this.triplet = triplet;
    }

    public String name() { return name; }
    /** Human-readable parameters (for manifests and {@code --help}). */
    public String description() { return description; }
    /** Number of species the potential defines; particles must have species in {@code [0, speciesCount)}. */
    public int speciesCount() { return species; }
    public PairParams params(int a, int b) { return table[a * species + b]; }
    /** Cutoff radius of pair (a, b) in σ_AA. */
    public double cutoff(int a, int b) { return Math.sqrt(params(a, b).rc2()); }
    /** Largest cutoff over all pairs: the radius a neighbour list must cover. */
    public double maxCutoff() { return maxCutoff; }

    /**
     * The cutoff of every species pair, {@code c[a][b] = }{@link #cutoff}{@code (a, b)} (σ_AA, ns×ns,
     * symmetric, a new array), for per-pair neighbour-list radii {@code cut_ab + skin} as LAMMPS'
     * {@code cutneighsq} ({@code VerletList.pairCutoffs}); null with a three-body term, whose
     * neighbours are taken from the pair rows out to the largest cutoff.
     */
    public double[][] listCutoffs() {
        if (triplet != null) return null;
        double[][] c = new double[species][species];
        for (int a = 0; a < species; a++) {
            for (int b = 0; b < species; b++) c[a][b] = cutoff(a, b);
        }
        return c;
    }
    /** Pair energy U(r) (shifted where the form is), 0 beyond the cutoff. */
    public double energy(int a, int b, double r2) { return params(a, b).energy(r2); }
    /** {@code −U'(r)/r}, 0 beyond the cutoff. */
    public double forceOverR(int a, int b, double r2) { return params(a, b).forceOverR(r2); }
    /**
     * {@code d(−U'(r)/r)/d(r²)} (ε/σ⁴), 0 beyond the cutoff; {@code U''(r) = −f − 2 r² f'} with f =
     * {@link #forceOverR}. Used by the Hessian ({@code org.softglass.core.elastic}).
     */
    public double forceOverRDerivative(int a, int b, double r2) { return params(a, b).forceOverRDerivative(r2); }

    /** The three-body term, or null for a pure pair potential. */
    public TripletTerm tripletTerm() { return triplet; }
    /** Whether the potential has a three-body term ({@link #tripletTerm()}). */
    public boolean hasTripletTerm() { return triplet != null; }

    @Override
    public String toString() { return name + ": " + description; }
}
