package org.softglass.study.mesoelastic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.softglass.core.plot.Plot;

/**
 * A state point whose τ_α is defined but whose block error is not (one time block that did not relax: the mBLJ run at
 * T_p = 0.58 of validation/published/paper-004) stays in the figures as a point without a bar; before, the NaN bar
 * dropped it from every τ_α figure although it was fitted.
 */
class WorkflowPlotsTest {
    private static TemperatureRow row(double t, Double tauErr) {
        return new TemperatureRow("k", t, 50.0, tauErr, 40.0, 1.25, 7.13, 1, 30.0, 1.0, 22.0, 15.0, 0.4, 64, 6400, null);
    }

    @Test
    void statePointWithoutErrorIsDrawnWithoutBar() {
        List<TemperatureRow> rows = List.of(row(0.7, 2.0), row(0.62, 3.0), row(0.58, null));
        Plot p = WorkflowPlots.statePoints(Plot.xy("t", "x", "y"), rows, r -> r.kappa() / r.t(), r -> Math.log(r.tauAlphaOverT0()),
                r -> TemperatureRow.nan(r.tauAlphaErr()) / r.tauAlpha());
        assertEquals(2, p.seriesCount(), "the error-bar series and the series of the point without error");
        Plot all = WorkflowPlots.statePoints(Plot.xy("t", "x", "y"), rows.subList(0, 2), r -> r.kappa() / r.t(), r -> Math.log(r.tauAlphaOverT0()),
                r -> TemperatureRow.nan(r.tauAlphaErr()) / r.tauAlpha());
        assertEquals(1, all.seriesCount(), "every error defined: one series, no empty second one");
        Plot none = WorkflowPlots.statePoints(Plot.xy("t", "x", "y"), List.of(row(0.58, null)), r -> r.kappa() / r.t(),
                r -> Math.log(r.tauAlphaOverT0()), r -> TemperatureRow.nan(r.tauAlphaErr()) / r.tauAlpha());
        assertEquals(1, none.seriesCount(), "the only point has no error: it is still drawn");
    }
}
