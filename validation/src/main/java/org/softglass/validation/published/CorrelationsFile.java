package org.softglass.validation.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The softness correlation fit of a run's {@code correlations/correlations.json} (002 eq 29: C(0) = C0,
 * C(r &gt; 0) = C1 exp(−r/ξ)); other fields are ignored.
 *
 * @param cS the fit of C_S(r), or null when the file has none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CorrelationsFile(@JsonProperty("cS") Fit cS) {
    /**
     * One fit; a missing number is NaN.
     *
     * @param c0 C0
     * @param c0Err its error
     * @param c1 C1
     * @param c1Err its error
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Fit(@JsonProperty("c0") double c0, @JsonProperty("c0_err") double c0Err, @JsonProperty("c1") double c1,
               @JsonProperty("c1_err") double c1Err) {}
}
