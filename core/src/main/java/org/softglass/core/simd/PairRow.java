package org.softglass.core.simd;

/**
 * The parameters of one species i against every neighbour species, in the column form the kernels
 * read: {@code rc2[s]}, {@code a[s]} … {@code f[s]} are the fields of {@code bySpecies[s]} (see
 * {@link PairParams}). All entries share one functional form. Immutable after construction (the
 * arrays are not exposed for writing by convention).
 */
public final class PairRow {
    final PairParams[] bySpecies;
    final PairParams.Form form;
    final double[] rc2, a, b, c, d, e, f;

    /** @param bySpecies parameters against neighbour species 0..ns−1, all of one form */
    public PairRow(PairParams[] bySpecies) {
        this.bySpecies = bySpecies.clone();
        this.form = bySpecies[0].form();
        int ns = bySpecies.length;
        rc2 = new double[ns]; a = new double[ns]; b = new double[ns]; c = new double[ns];
        d = new double[ns]; e = new double[ns]; f = new double[ns];
        for (int s = 0; s < ns; s++) {
            PairParams p = bySpecies[s];
            if (p.form() != form) throw new IllegalArgumentException("mixed functional forms in one pair row");
            rc2[s] = p.rc2(); a[s] = p.a(); b[s] = p.b(); c[s] = p.c(); d[s] = p.d(); e[s] = p.e(); f[s] = p.f();
            if (form == PairParams.Form.IPL && (c[s] != c[0] || d[s] != d[0] || e[s] != e[0] || f[s] != f[0])) {
                throw new IllegalArgumentException("IPL smoothing coefficients must be shared by all pairs (one x_c)");
            }
        }
    }

    public PairParams params(int species) { return bySpecies[species]; }
    public int speciesCount() { return bySpecies.length; }
    public PairParams.Form form() { return form; }
}
