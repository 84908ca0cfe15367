package org.softglass.study.trsp;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.Manifest;
import org.softglass.core.params.ModelParameters;
import org.softglass.core.trsp.TrspModel;
import org.softglass.core.util.InvalidParameter;

/**
 * The TRSP model (paper 002) of a study before its temperature is fixed: the parameters, where they came from, the
 * lattice and the kick tolerance. {@link #at} resolves it at one temperature.
 *
 * @param params       the model parameters (meanS, cS, sigmaDelta, rhoDelta and the barriers)
 * @param file         the file they were read from (recorded in the manifest), or null
 * @param preset       the preset's name when {@code file} is null
 * @param side         the lattice side L
 * @param clusterSize  the rearranging cluster size m, 1 or 4
 * @param facilitation the facilitation factor c: K_Δ → c K_Δ
 * @param tol          the kick window truncation tolerance, in [0, 1) (0: the full dense update)
 */
public record TrspSetup(ModelParameters params, Path file, String preset, int side, int clusterSize, double facilitation, double tol) {

    /** Refuses a tolerance outside [0, 1). */
    public void checkTol() {
        if (tol < 0 || tol >= 1) throw new InvalidParameter("{tol} must be in [0, 1), got " + tol);
    }

    /**
     * The model at temperature {@code t} ({@link TrspModel#of}).
     *
     * @throws IllegalArgumentException when the tolerance is out of range or the model refuses the parameters at t
     */
    public TrspModel at(double t) {
        checkTol();
        return TrspModel.of(params, t, side, clusterSize, facilitation);
    }

    /** Records the input file (or the preset), L, m, the facilitation and the tolerance in a manifest. */
    void describe(Manifest m) throws IOException {
        if (file != null) m.input(file);
        m.param("preset", preset).param("L", side).param("m", clusterSize).param("facilitation", facilitation).param("tol", tol);
    }
}
