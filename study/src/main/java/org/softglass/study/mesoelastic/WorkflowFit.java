package org.softglass.study.mesoelastic;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.softglass.core.dynamics.MesoelasticFit;
import org.softglass.core.io.JsonFile;

/**
 * {@code mesoelastic_fit.json} of the mesoelastic workflow (schema {@value #SCHEMA}): the fit of paper 004 eq 3,
 * {@code ln(τ_α/t0) = (ℓ̃ a0)² κ(T)/T + ln t̃} over the activated regime ({@link MesoelasticFit}, 1σ errors from the
 * scatter of the state points), the same straight line in G/T for comparison (paper 004 Fig. 3: κ grows more with
 * annealing than G), and paper 004's published constants beside ours. A number that is not defined is null.
 *
 * @param model               the model preset
 * @param density             N/V (σ⁻³)
 * @param a0                  (V/N)^⅓ (σ)
 * @param minTauOverT0        the activated-regime bound: state points with τ_α/t0 below it are left out
 * @param fittedTemperatures  the temperatures fitted, highest first
 * @param excludedTemperatures the temperatures left out (below the bound, or without τ_α), highest first
 * @param ellTilde            ℓ̃ (null where the fit refused)
 * @param ellTildeErr         its 1σ error (null with 2 points)
 * @param tTilde              t̃
 * @param tTildeErr           its 1σ error
 * @param slope               (ℓ̃ a0)² (σ²)
 * @param slopeErr            its 1σ error
 * @param intercept           ln t̃
 * @param interceptErr        its 1σ error
 * @param rSquared            R² of the κ/T line
 * @param refusal             why there is no fit (fewer than 2 activated state points, a slope ≤ 0), or null
 * @param gLine               ln(τ_α/t0) against G/T over the same points, or null
 * @param published           paper 004's constants for this model, or null (it publishes IPL and mBLJ only)
 * @param comparison          published against measured, one entry per constant (empty without published constants)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WorkflowFit(@JsonProperty("schema") String schema, @JsonProperty("model") String model, @JsonProperty("density") double density,
                          @JsonProperty("a0") double a0, @JsonProperty("min_tau_over_t0") double minTauOverT0,
                          @JsonProperty("fitted_temperatures") List<Double> fittedTemperatures, @JsonProperty("excluded_temperatures") List<Double> excludedTemperatures,
                          @JsonProperty("ell_tilde") Double ellTilde, @JsonProperty("ell_tilde_err") Double ellTildeErr,
                          @JsonProperty("t_tilde") Double tTilde, @JsonProperty("t_tilde_err") Double tTildeErr,
                          @JsonProperty("slope") Double slope, @JsonProperty("slope_err") Double slopeErr,
                          @JsonProperty("intercept") Double intercept, @JsonProperty("intercept_err") Double interceptErr,
                          @JsonProperty("r_squared") Double rSquared, @JsonProperty("refusal") String refusal,
                          @JsonProperty("G_line") GLine gLine, @JsonProperty("published") PublishedFit published,
                          @JsonProperty("comparison") List<Comparison> comparison) {
    /** The schema of the file. */
    public static final String SCHEMA = "softglass.mesoelastic-study/1";

    /**
     * The straight line ln(τ_α/t0) = a + b G/T over the fitted state points (least squares, {@link org.softglass.core.fit.Line}).
     *
     * @param slope     b (σ³)
     * @param intercept a
     * @param rSquared  R²
     */
    public record GLine(@JsonProperty("slope") double slope, @JsonProperty("intercept") double intercept, @JsonProperty("r_squared") double rSquared) {}

    /**
     * One published constant beside ours.
     *
     * @param quantity    {@code t_tilde} or {@code ell_tilde}
     * @param published   paper 004's value
     * @param measured    ours (null without a fit)
     * @param measuredErr its 1σ error (null with 2 points)
     */
    public record Comparison(@JsonProperty("quantity") String quantity, @JsonProperty("published") double published,
                             @JsonProperty("measured") Double measured, @JsonProperty("measured_err") Double measuredErr) {}

    /** The file of a fit. */
    static WorkflowFit of(String model, double density, double a0, double minTauOverT0, MesoelasticFit fit, double[] fittedT, List<Double> excluded,
                          GLine gLine, PublishedFit published) {
        List<Comparison> cmp = new ArrayList<>();
        if (published != null) {
            cmp.add(new Comparison("t_tilde", published.tTilde(), JsonFile.finite(fit.tTilde()), JsonFile.finite(fit.tTildeErr())));
            cmp.add(new Comparison("ell_tilde", published.ellTilde(), JsonFile.finite(fit.ellTilde()), JsonFile.finite(fit.ellTildeErr())));
        }
        return new WorkflowFit(SCHEMA, model, density, a0, minTauOverT0, Arrays.stream(fittedT).boxed().toList(), List.copyOf(excluded),
                JsonFile.finite(fit.ellTilde()), JsonFile.finite(fit.ellTildeErr()), JsonFile.finite(fit.tTilde()), JsonFile.finite(fit.tTildeErr()),
                JsonFile.finite(fit.slope()), JsonFile.finite(fit.slopeErr()), JsonFile.finite(fit.intercept()), JsonFile.finite(fit.interceptErr()),
                JsonFile.finite(fit.rSquared()), null, gLine, published, cmp);
    }

    /** The file of a refused fit: the reason, the published constants with no measured value. */
    static WorkflowFit refused(String model, double density, double a0, double minTauOverT0, List<Double> excluded, String why, PublishedFit published) {
        List<Comparison> cmp = new ArrayList<>();
        if (published != null) {
            cmp.add(new Comparison("t_tilde", published.tTilde(), null, null));
            cmp.add(new Comparison("ell_tilde", published.ellTilde(), null, null));
        }
        return new WorkflowFit(SCHEMA, model, density, a0, minTauOverT0, List.of(), List.copyOf(excluded), null, null, null, null, null, null, null, null,
                null, why, null, published, cmp);
    }

    /** Whether the fit was made. */
    public boolean hasFit() { return refusal == null; }

    /** Reads {@code mesoelastic_fit.json}. */
    public static WorkflowFit read(Path file) throws IOException { return JsonFile.read(file, WorkflowFit.class); }
}
