package org.softglass.validation.published;

import org.softglass.core.util.Format;
import java.util.ArrayList;
import java.util.List;

/**
 * Our run's set-up, read from {@code report/summary.json} ({@code settings}), for the "setup differs" note of each row.
 *
 * @param model the pair potential name ({@code ka})
 * @param n number of particles
 * @param temperatures the production temperatures
 * @param dt MD time step
 * @param trainTemperatures the temperatures the softness hyperplane was trained at
 * @param pc p_hop threshold of the rearranging training examples
 * @param pStable p_hop ceiling of the stable training examples
 * @param tauC how long a stable example stays below it
 * @param pR p_hop threshold of "rearranging" in P(R|S)
 * @param features the structural descriptors
 */
public record RunSetup(String model, int n, double[] temperatures, double dt, double[] trainTemperatures, double pc, double pStable,
                       double tauC, double pR, String features) {

    /**
     * Our KA potential: {@code org.softglass.core.energy.Models#ka()} cuts each pair at 2.5σ_αβ and shifts the
     * energy to zero there (LAMMPS lj/cut with pair_modify shift yes): the force jumps at r_c. 001 §3 cuts at
     * 2.5σ_AA and smooths so that the force is continuous.
     */
    public static final String KA_POTENTIAL = "truncated at 2.5 sigma_ab and energy-shifted (force jumps at r_c)";

    /** The lowest production temperature. */
    public double lowestT() {
        double m = Double.POSITIVE_INFINITY;
        for (double t : temperatures) m = Math.min(m, t);
        return m;
    }

    /** Items where this run differs from {@code paper} ("N 1000 vs 10000; lowest T 0.61 vs 0.42; ..."), or "same set-up as stated". */
    public String differences(PaperSetup paper) {
        List<String> d = new ArrayList<>();
        if (paper.n() != null && paper.n() != n) d.add("N " + n + " vs " + paper.n());
        if (paper.lowestT() != null && lowestT() > paper.lowestT() + 1e-9) d.add("lowest T " + num(lowestT()) + " vs " + num(paper.lowestT()));
        if ("ka".equals(model)) {
            if (paper.potential() != null) d.add("LJ " + KA_POTENTIAL + " vs " + paper.potential());
        } else {
            d.add("model '" + model + "', not KA");
        }
        if (paper.dt() != null && Math.abs(dt - paper.dt()) > 1e-12) d.add("dt " + num(dt) + " vs " + num(paper.dt()));
        if (paper.trainingT() != null && !(trainTemperatures.length == 1 && Math.abs(trainTemperatures[0] - paper.trainingT()) < 1e-9)) {
            d.add("trained at T = " + join(trainTemperatures) + " vs " + num(paper.trainingT()));
        }
        return d.isEmpty() ? "same set-up as stated in " + paper.paper() : String.join("; ", d) + " (" + paper.paper() + ")";
    }

    /** Four significant digits without trailing zeros (0.005, 0.61, 10000). */
    static String num(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new java.math.BigDecimal(Format.g4(v)).stripTrailingZeros().toPlainString();
    }

    static String join(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) b.append(i > 0 ? "," : "").append(num(v[i]));
        return b.toString();
    }
}
