package org.softglass.core.structure;

import java.util.ArrayList;
import java.util.List;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.space.Box;

/**
 * A plain O(N²)-per-centre oracle of the structure functions (DESIGN §3), independent of the
 * production code: no cell lists, no sorting, no truncation, no factorisation (the reference the
 * descriptor tests and {@code softglass validate} compare the kernels with). For centre i it loops over every particle j and every
 * periodic image shift n (|n_a| ≤ ceil(rmax/L_a) + 1, enough for wrapped coordinates), keeps the
 * images with 0 &lt; |r_j + nL − r_i| &lt; rmax, then evaluates every radial function
 * exp(−(r − μ)²/w) directly and every angular function exp(−(r_ij² + r_ik² + r_jk²)/ξ²)(1 + λ cos θ)^ζ
 * over all unordered neighbour pairs. Also returns, per column, the sum of absolute terms (for
 * round-off tolerances) and the number of neighbours n (for the truncation bound).
 */
public final class DescriptorOracle {
    private DescriptorOracle() {}

    /** One centre's columns (in {@link DescriptorSpec#columns()} order), |term| sums per column, neighbour count. */
    public record Row(double[] values, double[] absSum, int neighbours) {}

    /** The oracle row of centre slot {@code i}; reads {@code p}, modifies nothing. */
    public static Row row(DescriptorSpec spec, Box box, ParticleStore p, int i) {
        double rmax = spec.rmax();
        double xi = box.wrap(p.x(i), 0), yi = box.wrap(p.y(i), 1), zi = box.wrap(p.z(i), 2);
        int mx = (int) Math.ceil(rmax / box.lx()) + 1, my = (int) Math.ceil(rmax / box.ly()) + 1, mz = (int) Math.ceil(rmax / box.lz()) + 1;
        List<double[]> nb = new ArrayList<>(); // {dx, dy, dz, species index in spec}
        int[] sp = spec.species();
        for (int j = 0; j < p.size(); j++) {
            int g = -1;
            for (int k = 0; k < sp.length; k++) if (sp[k] == p.species(j)) g = k;
            if (g < 0) continue;
            double xj = box.wrap(p.x(j), 0), yj = box.wrap(p.y(j), 1), zj = box.wrap(p.z(j), 2);
            for (int a = -mx; a <= mx; a++) {
                for (int b = -my; b <= my; b++) {
                    for (int c = -mz; c <= mz; c++) {
                        double dx = xj + a * box.lx() - xi, dy = yj + b * box.ly() - yi, dz = zj + c * box.lz() - zi;
                        double r2 = dx * dx + dy * dy + dz * dz;
                        if (r2 > 0 && r2 < rmax * rmax) nb.add(new double[] {dx, dy, dz, g});
                    }
                }
            }
        }
        int m = spec.columnCount(), nr = spec.radial().size(), nt = spec.angular().size(), ns = sp.length;
        double[] v = new double[m], abs = new double[m];
        for (double[] d : nb) {
            double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
            int g = (int) d[3];
            for (int c = 0; c < nr; c++) {
                DescriptorSpec.Radial rd = spec.radial().get(c);
                double t = Math.exp(-(r - rd.mu()) * (r - rd.mu()) / rd.w());
                v[g * nr + c] += t;
                abs[g * nr + c] += Math.abs(t);
            }
        }
        int angOff = ns * nr;
        for (int pa = 0; pa < nb.size(); pa++) {
            double[] a = nb.get(pa);
            double ra2 = a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
            for (int pb = pa + 1; pb < nb.size(); pb++) {
                double[] b = nb.get(pb);
                double rb2 = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
                double ex = a[0] - b[0], ey = a[1] - b[1], ez = a[2] - b[2];
                double rab2 = ex * ex + ey * ey + ez * ez;
                double cos = (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / Math.sqrt(ra2 * rb2);
                int ga = (int) Math.min(a[3], b[3]), gb = (int) Math.max(a[3], b[3]);
                int pair = 0;
                for (int x = 0; x < ga; x++) pair += ns - x;
                pair += gb - ga;
                for (int t = 0; t < nt; t++) {
                    DescriptorSpec.Angular an = spec.angular().get(t);
                    double term = Math.exp(-(ra2 + rb2 + rab2) / (an.xi() * an.xi())) * Math.pow(1 + an.lambda() * cos, an.zeta());
                    v[angOff + pair * nt + t] += term;
                    abs[angOff + pair * nt + t] += Math.abs(term);
                }
            }
        }
        return new Row(v, abs, nb.size());
    }
}
