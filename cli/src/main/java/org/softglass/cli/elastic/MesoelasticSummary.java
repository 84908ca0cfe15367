package org.softglass.cli.elastic;

import java.util.List;
import org.softglass.core.util.Format;
import org.softglass.study.mesoelastic.TemperatureRow;
import org.softglass.study.mesoelastic.WorkflowFit;

/** The lines {@code mesoelastic-study} and {@code mesoelastic-pool} print: one per parent temperature, the eq 3 fit, paper 004's constants. */
final class MesoelasticSummary {
    private MesoelasticSummary() {}

    /** Prints the rows (highest T first) and the fit to standard output. */
    static void print(List<TemperatureRow> rows, WorkflowFit f) {
        for (TemperatureRow row : rows) {
            System.out.printf("  T = %s: tau_alpha/t0 = %s, kappa = %s, G = %s (%d structures, %d dipoles)%n", Format.g4(row.t()),
                    row.hasTauAlpha() ? Format.g4(row.tauAlphaOverT0()) : "undefined", Format.g4(row.kappa()), Format.g4(row.g()), row.structures(),
                    row.dipoles());
        }
        if (f.hasFit()) {
            System.out.printf("  eq 3: l~ = %s +- %s, t~ = %s +- %s, R^2 = %.4f (%d T_p fitted)%n", Format.g4(f.ellTilde()), err(f.ellTildeErr()),
                    Format.g4(f.tTilde()), err(f.tTildeErr()), f.rSquared(), f.fittedTemperatures().size());
        } else {
            System.out.println("  eq 3: no fit: " + f.refusal());
        }
        if (f.published() != null) {
            System.out.printf("  paper 004 (%s): l~ = %s, t~ = %s%n", f.model(), Format.g4(f.published().ellTilde()), Format.g4(f.published().tTilde()));
        }
    }

    private static String err(Double e) { return e == null ? "undefined" : Format.g4(e); }
}
