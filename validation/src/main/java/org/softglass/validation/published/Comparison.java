package org.softglass.validation.published;

/**
 * One row of the published-versus-measured table.
 *
 * @param published the paper's number and citation
 * @param ours our estimate, or {@code null} when {@link Status#NOT_MEASURED}
 * @param status the verdict under {@link #rule()}
 * @param reason why it is not measured, or the arithmetic of the verdict
 * @param setupNote where our run's set-up differs from the paper's (N, lowest T, LJ truncation, dt, training T, ...)
 */
public record Comparison(PublishedValue published, Estimate ours, Status status, String reason, String setupNote) {

    /** A row the run cannot fill: never a number. */
    public static Comparison notMeasured(PublishedValue p, String reason, String setupNote) {
        return new Comparison(p, null, Status.NOT_MEASURED, "not measured in this run: " + reason, setupNote);
    }

    /**
     * Judges {@code ours} against {@code p}. Values and ranges: the distance from ours to [lo, hi] must be
     * ≤ 2σ_ours + tolerance allowance (papers print no errors, so σ_combined = σ_ours). Directions: ours must
     * have the sign {@code p.lo()} and |ours| &gt; 2σ_ours; within 2σ of zero it is {@link Status#INCONCLUSIVE}.
     */
    public static Comparison judge(PublishedValue p, Estimate ours, String setupNote) {
        double v = ours.value(), s = ours.sigmaOrZero();
        if (!Double.isFinite(v)) return notMeasured(p, "the computation gave a non-finite value (" + ours.method() + ")", setupNote);
        String err = Double.isFinite(ours.error()) ? "" : " (no error available: 2 sigma taken as 0)";
        if (p.kind() == PublishedValue.Kind.DIRECTION) {
            double signed = v * Math.signum(p.lo());
            if (Math.abs(v) <= 2 * s) return new Comparison(p, ours, Status.INCONCLUSIVE, String.format("|%.4g| <= 2 sigma = %.4g", v, 2 * s), setupNote);
            return new Comparison(p, ours, signed > 0 ? Status.AGREES : Status.DISAGREES,
                    String.format("statistic %.4g, expected sign %s, 2 sigma = %.4g%s", v, p.lo() > 0 ? "+" : "-", 2 * s, err), setupNote);
        }
        double dist = v < p.lo() ? p.lo() - v : v > p.hi() ? v - p.hi() : 0;
        double allowed = 2 * s + p.tolerance().allowance(p.value());
        return new Comparison(p, ours, dist <= allowed ? Status.AGREES : Status.DISAGREES,
                String.format("|ours - paper| = %.4g vs allowed %.4g (2 sigma %.4g + %s)%s", dist, allowed, 2 * s, p.tolerance().why(), err), setupNote);
    }
}
