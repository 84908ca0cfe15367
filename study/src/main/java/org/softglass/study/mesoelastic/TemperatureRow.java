package org.softglass.study.mesoelastic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * One parent temperature of the mesoelastic workflow: τ_α of the liquid at T and the elastic numbers of the inherent
 * structures quenched from it (T_p = T). Written as {@code T…/row.json} when every output of the temperature is complete
 * (the file a rerun looks for); a number that is not defined is null.
 *
 * @param key          the hash of every setting that determines this temperature's outputs (and those of the
 *                     temperatures above it, which it starts from)
 * @param t            T = T_p (ε/k_B)
 * @param tauAlpha     τ_α, F_s(q, τ_α) = 0.2 (τ); null where F_s does not reach 0.2 within the run
 * @param tauAlphaErr  its error: the standard error over time blocks (τ); null where a block does not reach 0.2
 * @param tauAlphaOverT0 τ_α/t0, t0 = a0/√T; null with τ_α
 * @param t0           a0/√T (τ)
 * @param q            the wave number of F_s (σ⁻¹)
 * @param type         the LAMMPS type of F_s (the largest particles)
 * @param kappa        ⟨κ⟩: the mean over structures of each structure's mean κ_ij (ε/σ²)
 * @param kappaSem     its standard error over structures; null for one structure
 * @param kappaMedian  the median of every κ_ij (ε/σ²)
 * @param g            ⟨G⟩ over structures (ε/σ³)
 * @param gSem         its standard error over structures; null for one structure
 * @param structures   inherent structures
 * @param dipoles      κ_ij computed
 * @param warning      why τ_α or its error is undefined or not to be trusted (time blocks shorter than 2 τ_α), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TemperatureRow(@JsonProperty("key") String key, @JsonProperty("T") double t, @JsonProperty("tau_alpha") Double tauAlpha,
                             @JsonProperty("tau_alpha_err") Double tauAlphaErr, @JsonProperty("tau_alpha_over_t0") Double tauAlphaOverT0,
                             @JsonProperty("t0") double t0, @JsonProperty("q") double q, @JsonProperty("type") int type,
                             @JsonProperty("kappa") double kappa, @JsonProperty("kappa_sem") Double kappaSem,
                             @JsonProperty("kappa_median") double kappaMedian, @JsonProperty("G") double g, @JsonProperty("G_sem") Double gSem,
                             @JsonProperty("structures") int structures, @JsonProperty("dipoles") int dipoles,
                             @JsonProperty("warning") String warning) {

    /** The header of table.csv. */
    public static final String CSV_HEADER = "T,tau_alpha,tau_alpha_err,tau_alpha_over_t0,kappa,kappa_sem,kappa_median,G,G_sem,structures,dipoles,q";

    /** The row of table.csv (an undefined number as an empty field). */
    Object[] csv() {
        return new Object[] {t, nan(tauAlpha), nan(tauAlphaErr), nan(tauAlphaOverT0), kappa, nan(kappaSem), kappaMedian, g, nan(gSem), structures, dipoles, q};
    }

    /** Whether τ_α is defined. */
    public boolean hasTauAlpha() { return tauAlpha != null; }

    /** {@code v}, or NaN for null. */
    static double nan(Double v) { return v == null ? Double.NaN : v; }

    /** Reads {@code row.json}. */
    static TemperatureRow read(Path file) throws IOException { return JsonFile.read(file, TemperatureRow.class); }
}
