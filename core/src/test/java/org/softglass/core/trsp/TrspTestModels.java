package org.softglass.core.trsp;

import java.util.Map;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.params.ModelParameters.Barriers;
import org.softglass.core.params.ModelParameters.ExpCorrelation;
import org.softglass.core.params.ModelParameters.Gaussian;
import org.softglass.core.params.ModelParameters.MeanSoftness;

/** Parameter sets for the TRSP tests. */
final class TrspTestModels {
    private TrspTestModels() {}

    /** Uncorrelated S and kicks: C = σ²δ, ρ = δ, σ_Δ decaying with r̃. */
    static ModelParameters uncorrelated(double sigma2, double sd0, double sd1, double eps2) {
        MeanSoftness ms = new MeanSoftness(1.5, -1.2);
        return new ModelParameters(new Barriers(7.5, -0.9, eps2, 8.7, 0.74), new Gaussian(-0.1, 1), 4.0, ms,
                new ExpCorrelation(sigma2, 0, 0.7), new ExpCorrelation(sd0, sd1, 0.7), new ExpCorrelation(1, 0, 0.6), Map.of(), Map.of());
    }

    /** The preset with replaced correlation sections. */
    static ModelParameters with(ExpCorrelation cS, ExpCorrelation sigmaDelta, ExpCorrelation rho) {
        ModelParameters p = TrspPresets.ka002();
        return new ModelParameters(p.barriers(), p.rho(), p.tauR(), p.meanS(), cS, sigmaDelta, rho, Map.of(), Map.of());
    }
}
