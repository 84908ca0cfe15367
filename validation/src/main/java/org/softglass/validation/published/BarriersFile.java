package org.softglass.validation.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The fields of a run's {@code barriers/barriers.json} (schema {@code softglass.barriers/1}, written by the barriers
 * stage) that the published table reads; the others are ignored. A section the file lacks (or holds as null) is null;
 * a missing number NaN.
 *
 * @param onsetFit the joint onset fit of 002 eqs 27–28, or null where it was refused
 * @param onsetError why the onset fit was refused, or null
 * @param tauR the rearrangement duration τ_R, or null
 * @param meanFit ⟨S⟩(T) = a + b/T, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BarriersFile(@JsonProperty("onset_fit") OnsetFit onsetFit, @JsonProperty("onset_error") String onsetError,
                    @JsonProperty("tau_r") TauR tauR, @JsonProperty("mean_fit") MeanFit meanFit) {

    /**
     * The onset fit's T0 and its quality.
     *
     * @param t0 T0 (ε/k_B)
     * @param errors the parameters' errors, or null
     * @param chi2 χ² of the fit
     * @param dof its degrees of freedom as written (text), or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OnsetFit(@JsonProperty("t0") double t0, @JsonProperty("errors") Errors errors, @JsonProperty("chi2") double chi2,
                    @JsonProperty("dof") String dof) {
        /** The error of T0, NaN when not written. */
        double t0Err() { return errors == null ? Double.NaN : errors.t0(); }
    }

    /** @param t0 the error of T0 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Errors(@JsonProperty("t0") double t0) {}

    /**
     * τ_R: the mean run of consecutive p_hop &gt; p_R frames times the frame spacing (τ).
     *
     * @param value τ_R (τ)
     * @param err its standard error (τ)
     * @param runs the number of runs, as written (text), or null
     * @param threshold p_R, as written (text), or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TauR(@JsonProperty("value") double value, @JsonProperty("err") double err, @JsonProperty("runs") String runs,
                @JsonProperty("threshold") String threshold) {}

    /**
     * ⟨S⟩(T) = a + b/T.
     *
     * @param b b, the slope of ⟨S⟩ against 1/T
     * @param bErr its error
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeanFit(@JsonProperty("b") double b, @JsonProperty("b_err") double bErr) {}
}
