package org.softglass.core.dynamics;

/**
 * Static structure factor of one species, {@code S(q) = ⟨|Σ_j exp(i q·r_j)|²⟩ / N_s}, on the wave
 * vectors of the periodic box, {@code q = 2π (n_x/L_x, n_y/L_y, n_z/L_z)} with integer n, averaged over
 * the frames given and over shells of width {@code binWidth} in |q|. The phases are built per axis by
 * repeated multiplication of {@code exp(i 2π x_a/L_a)} (no trigonometry per wave vector; round-off
 * grows like n·ε_mach, harmless for n ≲ 100). The first peak q_max is the |q|
 * of the largest shell average above {@code qMin} (to skip the q → 0 region).
 *
 * @param q shell centres (mean |q| of the vectors in each non-empty shell, σ⁻¹)
 * @param s S(q) per shell
 * @param vectors number of wave vectors per shell
 */
public record StructureFactor(double[] q, double[] s, int[] vectors) {

    /**
     * @param t trajectory (frames used: every {@code stride}-th)
     * @param speciesFilter species to include (−1 for all); paper 004 uses the largest particles
     * @param qCut largest |q| (σ⁻¹), e.g. 12
     * @param binWidth shell width in |q| (σ⁻¹), e.g. 0.1
     */
    public static StructureFactor compute(Trajectory t, int speciesFilter, double qCut, double binWidth, int stride) {
        if (!(qCut > 0) || !(binWidth > 0)) throw new IllegalArgumentException("need qCut > 0 and bin width > 0");
        if (stride < 1) throw new IllegalArgumentException("frame stride must be >= 1, got " + stride);
        double lx = t.box().lx(), ly = t.box().ly(), lz = t.box().lz();
        int mx = (int) Math.floor(qCut * lx / (2 * Math.PI)), my = (int) Math.floor(qCut * ly / (2 * Math.PI)),
                mz = (int) Math.floor(qCut * lz / (2 * Math.PI));
        int bins = (int) Math.ceil(qCut / binWidth);
        double[] sum = new double[bins], qsum = new double[bins];
        int[] cnt = new int[bins];
        int ns = 0;
        for (int i = 0; i < t.size(); i++) if (t.selected(i, speciesFilter)) ns++;
        if (ns == 0) throw new IllegalArgumentException("no particle of species " + speciesFilter);
        int[] sel = new int[ns];
        for (int i = 0, k = 0; i < t.size(); i++) if (t.selected(i, speciesFilter)) sel[k++] = i;
        int[] mm = {mx, my, mz};
        double[] len = {lx, ly, lz};
        // per particle and axis: exp(i 2π n x_a / L_a) for n = −m_a..m_a, by repeated multiplication
        double[][] re = new double[3][], im = new double[3][];
        for (int a = 0; a < 3; a++) {
            re[a] = new double[ns * (2 * mm[a] + 1)];
            im[a] = new double[ns * (2 * mm[a] + 1)];
        }
        int frames = 0;
        for (int f = 0; f < t.frames(); f += stride) {
            frames++;
            double[] x = t.positions()[f];
            for (int a = 0; a < 3; a++) {
                int w = 2 * mm[a] + 1;
                for (int k = 0; k < ns; k++) {
                    double ph = 2 * Math.PI * x[3 * sel[k] + a] / len[a], c1 = Math.cos(ph), s1 = Math.sin(ph);
                    int base = k * w + mm[a];
                    re[a][base] = 1;
                    im[a][base] = 0;
                    for (int n = 1; n <= mm[a]; n++) {
                        double pr = re[a][base + n - 1], pi = im[a][base + n - 1];
                        re[a][base + n] = pr * c1 - pi * s1;
                        im[a][base + n] = pr * s1 + pi * c1;
                        re[a][base - n] = re[a][base + n];
                        im[a][base - n] = -im[a][base + n];
                    }
                }
            }
            int wx = 2 * mx + 1, wy = 2 * my + 1, wz = 2 * mz + 1;
            // half space of n (n and −n give the same |ρ_q|²): n_x > 0, or n_x = 0 and n_y > 0, or n_x = n_y = 0 and n_z > 0
            for (int nx = 0; nx <= mx; nx++) {
                for (int ny = nx == 0 ? 0 : -my; ny <= my; ny++) {
                    for (int nz = (nx == 0 && ny == 0) ? 1 : -mz; nz <= mz; nz++) {
                        double qx = 2 * Math.PI * nx / lx, qy = 2 * Math.PI * ny / ly, qz = 2 * Math.PI * nz / lz;
                        double qq = Math.sqrt(qx * qx + qy * qy + qz * qz);
                        if (qq >= qCut) continue;
                        double sr = 0, si = 0;
                        for (int k = 0; k < ns; k++) {
                            int ix = k * wx + mx + nx, iy = k * wy + my + ny, iz = k * wz + mz + nz;
                            double ar = re[0][ix] * re[1][iy] - im[0][ix] * im[1][iy];
                            double ai = re[0][ix] * im[1][iy] + im[0][ix] * re[1][iy];
                            sr += ar * re[2][iz] - ai * im[2][iz];
                            si += ar * im[2][iz] + ai * re[2][iz];
                        }
                        int b = (int) (qq / binWidth);
                        sum[b] += (sr * sr + si * si) / ns;
                        if (f == 0) {
                            qsum[b] += qq;
                            cnt[b]++;
                        }
                    }
                }
            }
        }
        int m = 0;
        for (int b = 0; b < bins; b++) if (cnt[b] > 0) m++;
        double[] q = new double[m], s = new double[m];
        int[] v = new int[m];
        for (int b = 0, k = 0; b < bins; b++) {
            if (cnt[b] == 0) continue;
            q[k] = qsum[b] / cnt[b];
            s[k] = sum[b] / (cnt[b] * (double) frames);
            v[k++] = cnt[b];
        }
        return new StructureFactor(q, s, v);
    }

    /**
     * |q| of the largest S above qMin (σ⁻¹).
     *
     * @throws IllegalArgumentException if no shell lies above qMin
     */
    public double firstPeak(double qMin) {
        int best = -1;
        for (int k = 0; k < q.length; k++) if (q[k] > qMin && (best < 0 || s[k] > s[best])) best = k;
        if (best < 0) throw new IllegalArgumentException("no wave vector above q_min = " + qMin);
        return q[best];
    }
}
