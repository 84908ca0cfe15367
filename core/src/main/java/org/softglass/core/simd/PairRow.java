package org.softglass.core.simd;

/**
 * The parameters of one species i against every neighbour species, in the column form the kernels
 * read: {@code rc2[s]}, {@code a[s]} … {@code h[s]} are the fields of {@code bySpecies[s]} (see
 * {@link PairParams}), padded to {@link #MAX_SPECIES} columns so the SIMD kernel selects branch-free. All entries share one functional form. Immutable after construction (the
 * arrays are not exposed for writing by convention).
 */
public final class PairRow {
    /** Species the SIMD kernel selects among per lane. */
    public static final int MAX_SPECIES = 2;

    final PairParams[] bySpecies;
    final PairParams.Form form;
    final double[] rc2, a, b, c, d, e, f, g, h;
    /** Whether every species' parameters are the same (one species, or equal rows): kernels may then broadcast them. */
    final boolean uniform;

    /** @param bySpecies parameters against neighbour species 0..ns−1, all of one form */
    public PairRow(PairParams[] bySpecies) {
        this.bySpecies = bySpecies.clone();
        this.form = bySpecies[0].form();
        int ns = bySpecies.length;
        if (ns > MAX_SPECIES) throw new IllegalArgumentException("the pair kernels support at most " + MAX_SPECIES + " species, got " + ns);
        int w = MAX_SPECIES;
        rc2 = new double[w]; a = new double[w]; b = new double[w]; c = new double[w];
        d = new double[w]; e = new double[w]; f = new double[w]; g = new double[w]; h = new double[w];
        for (int s = 0; s < w; s++) {
            PairParams p = bySpecies[Math.min(s, ns - 1)]; // padded with the last species (never selected)
            if (p.form() != form) throw new IllegalArgumentException("mixed functional forms in one pair row");
            rc2[s] = p.rc2(); a[s] = p.a(); b[s] = p.b(); c[s] = p.c(); d[s] = p.d(); e[s] = p.e(); f[s] = p.f(); g[s] = p.g(); h[s] = p.h();
            if (form == PairParams.Form.IPL && (c[s] != c[0] || d[s] != d[0] || e[s] != e[0] || f[s] != f[0])) {
                throw new IllegalArgumentException("IPL smoothing coefficients must be shared by all pairs (one x_c)");
            }
            if (form == PairParams.Form.STICKY && (c[s] != c[0] || d[s] != d[0] || e[s] != e[0] || f[s] != f[0] || g[s] != g[0] || h[s] != h[0])) {
                throw new IllegalArgumentException("sticky-sphere smoothing coefficients must be shared by all pairs (one x_c)");
            }
        }
        boolean same = true;
        for (int s = 1; s < w; s++) {
            same &= rc2[s] == rc2[0] && a[s] == a[0] && b[s] == b[0] && c[s] == c[0] && d[s] == d[0] && e[s] == e[0]
                    && f[s] == f[0] && g[s] == g[0] && h[s] == h[0];
        }
        uniform = same;
    }

    public PairParams params(int species) { return bySpecies[species]; }
    public int speciesCount() { return bySpecies.length; }
    public PairParams.Form form() { return form; }
}
