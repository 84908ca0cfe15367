package org.softglass.core.fluidity;

import org.softglass.core.softness.Hyperplane;
import org.softglass.core.softness.SoftnessModel;

/**
 * Fluidity and the comparison of classifiers across training temperatures ({@code 003}):
 * x_α = (w_α·F − b_α^best)/σ_α, with w_α·F the classifier's decision value without bias (on its
 * own standardised features), b^best the threshold that maximises accuracy on a common labelled
 * test set ({@link BiasScan}) and σ_α the standard deviation of w_α·F at the training temperature.
 * In {@code 003}'s notation α = w·F − b; here S = w·z + b, so the training threshold is −b.
 */
public final class Fluidity {
    private Fluidity() {}

    /** x_α = (d − bBest)/σ_α for every decision value d; returns a new array, d is not modified. */
    public static double[] x(double[] d, double bBest, double sigmaAlpha) {
        if (!(sigmaAlpha > 0) || !Double.isFinite(sigmaAlpha)) throw new IllegalArgumentException("sigma_alpha must be > 0, got " + sigmaAlpha);
        double[] x = new double[d.length];
        for (int i = 0; i < d.length; i++) x[i] = (d[i] - bBest) / sigmaAlpha;
        return x;
    }

    /**
     * The projection ŵ_a·ŵ_b between two classifiers (Table I of {@code 003}). Their weights live on
     * different standardisations, so both are first mapped to one common standardisation with
     * per-feature scale {@code refStd}: w'_j = w_j · refStd_j / std_j (the hyperplane normals in that
     * coordinate system); the cosine of w'_a and w'_b is returned.
     *
     * @param refStd the common feature scale (e.g. the std of one model or of a reference data set)
     * @throws IllegalArgumentException when the models' feature columns differ
     */
    public static double projection(SoftnessModel a, SoftnessModel b, double[] refStd) {
        if (!a.columnNames().equals(b.columnNames())) throw new IllegalArgumentException("the two classifiers use different feature columns; their directions cannot be compared");
        double[] wa = a.rawWeights(), wb = b.rawWeights();
        if (refStd.length != wa.length) throw new IllegalArgumentException("reference std has " + refStd.length + " entries, expected " + wa.length);
        for (int j = 0; j < wa.length; j++) { wa[j] *= refStd[j]; wb[j] *= refStd[j]; }
        return Hyperplane.cosine(wa, wb);
    }
}
