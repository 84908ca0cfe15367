package org.softglass.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.cli.pipeline.PipelinePreset;
import org.softglass.study.dynamics.OverlapSummary;

/**
 * The MD overlap at one temperature, the MD side of the report's comparison ({@link PipelineComparison})
 * and of the time-scale matching ({@link PipelineMatching}); read in one place, {@link #read}, from
 * {@link #MD_OVERLAP}.
 *
 * @param t lag times (τ), first 0
 * @param q Q(t)
 * @param chi4 χ4(t)
 * @param tauQ τ_Q (Q = 1/e), NaN where not reached
 * @param tauQErr its 1σ error (jackknife over blocks of origins), NaN where the file gives none
 * @param tauChi τ_χ
 * @param chi4Star χ4*
 * @param tauChiResolved whether the χ4 peak lies inside the lag grid (else τ_χ is only a bound)
 * @param xi4 ξ4 (σ) of the OZ fit of S4, NaN where none
 * @param xi4Err its jackknife error
 * @param a the displacement threshold (σ)
 */
record MdOverlap(double[] t, double[] q, double[] chi4, double tauQ, double tauQErr, double tauChi, double chi4Star,
                 boolean tauChiResolved, double xi4, double xi4Err, double a) {

    /**
     * Where the MD overlap of each temperature is read: {@code observables/T…/MD_OVERLAP/MD_OVERLAP.csv}
     * (columns t, Q, chi4; first row t = 0) and {@code MD_OVERLAP.json} (tau_Q, tau_Q_err, tau_chi,
     * chi4_star, chi4_star_err, tau_chi_resolved, xi4, xi4_err, a; read by {@link OverlapSummary}), written by
     * {@link org.softglass.cli.dynamics.OverlapCommand}: the inherent-state overlap of 002 §VII A. The only
     * place that names the MD source of τ_Q, and so of the time-scale matching ({@link PipelineMatching}).
     */
    static final String MD_OVERLAP = "overlap";

    /** The MD overlap at T of the run in {@code root}, from {@link #MD_OVERLAP}. */
    static MdOverlap read(Path root, double t) throws IOException {
        Path d = root.resolve("observables").resolve(PipelinePreset.label(t)).resolve(MD_OVERLAP);
        ReportTable c = ReportTable.read(d.resolve(MD_OVERLAP + ".csv"));
        OverlapSummary j = OverlapSummary.read(d.resolve(MD_OVERLAP + ".json"));
        return new MdOverlap(c.col("t"), c.col("Q"), c.col("chi4"), j.tauQ(), j.tauQErr(), j.tauChi(), j.chi4Star(), j.tauChiResolved(), j.xi4(),
                j.xi4Err(), j.a());
    }
}
