package org.softglass.core.params;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;

/**
 * The model-parameter file: everything the trap model ({@code 000}) and the TRSP lattice model
 * ({@code 002}) read, as measured by the softness analysis (or given by hand / a preset).
 *
 * <p>JSON schema {@value #SCHEMA} (all numbers in reduced LJ units; S is dimensionless softness):
 * <pre>{@code
 * {
 *   "schema": "softglass.model-parameters/1",
 *   "barriers": {"eps0": .., "eps1": .., "eps2": .., "sigma0": .., "t0": ..},  // required, DESIGN §5
 *   "rho":      {"s0": .., "sigma0": ..},     // required: Gaussian ϱ(S) = N(s0, sigma0²) near T0
 *   "tauR": ..,                               // required: mean rearrangement duration τ_R (time units)
 *   "meanS":    {"a": .., "b": ..},           // optional: ⟨S⟩(T) = a + b/T (002 Fig. 2a)
 *   "cS":         {"c0": .., "c1": .., "xi": ..},  // optional: C_S(r), eq 29 (c0 = σ², c1, ξ)
 *   "sigmaDelta": {"c0": .., "c1": .., "xi": ..},  // optional: σ_Δ(r) in the eq 29 form
 *   "rhoDelta":   {"c0": 1,  "c1": .., "xi": ..},  // optional: ρ(r) in the eq 29 form, ρ(0) = 1
 *   "errors":     {"barriers.eps1": .., ...},       // optional: 1σ errors keyed by field path
 *   "provenance": {...}                             // optional: free-form, copied through
 * }
 * }</pre>
 * Unknown top-level keys are refused (a misspelt optional section must not silently vanish).
 * Reading checks every value is finite and the widths positive, and reports the file and the field.
 *
 * @param barriers ΔE(S) and Σ(S) with onset T0 (DESIGN §5 sign convention)
 * @param rho the Gaussian ϱ(S)
 * @param tauR τ_R &gt; 0
 * @param meanS ⟨S⟩(T), or null
 * @param cS C_S(r), or null
 * @param sigmaDelta σ_Δ(r), or null
 * @param rhoDelta ρ(r), or null
 * @param errors 1σ errors by field path (never null; may be empty)
 * @param provenance free-form provenance (never null; may be empty)
 */
public record ModelParameters(Barriers barriers, Gaussian rho, double tauR, MeanSoftness meanS,
                              ExpCorrelation cS, ExpCorrelation sigmaDelta, ExpCorrelation rhoDelta,
                              Map<String, Double> errors, Map<String, Object> provenance) {
    /** The schema tag written into every file. */
    public static final String SCHEMA = "softglass.model-parameters/1";

    private static final java.util.Set<String> KEYS = java.util.Set.of("schema", "barriers", "rho", "tauR",
            "meanS", "cS", "sigmaDelta", "rhoDelta", "errors", "provenance");

    public ModelParameters {
        if (barriers == null || rho == null) throw new IllegalArgumentException("barriers and rho are required");
        if (!(tauR > 0) || !Double.isFinite(tauR)) throw new IllegalArgumentException("tauR must be > 0, got " + tauR);
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        provenance = provenance == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** Only the required parts; the optional sections are null. */
    public ModelParameters(Barriers barriers, Gaussian rho, double tauR) {
        this(barriers, rho, tauR, null, null, null, null, Map.of(), Map.of());
    }

    /**
     * Barrier parameters of DESIGN §5: ΔE(S) = ε0 + ε1 S + ε2 S², Σ(S) = Σ0 + (ε1/T0) S + (ε2/T0) S²,
     * so that P(R|S,T) = exp(Σ(S) − ΔE(S)/T) = A(T) exp(γS − δS²) with A = exp(Σ0 − ε0/T),
     * γ = ε1(1/T0 − 1/T), δ = ε2(1/T − 1/T0) for T &lt; T0 and γ = δ = 0 at and above T0.
     */
    public record Barriers(double eps0, double eps1, double eps2, double sigma0, double t0) {
        /**
         * The KA barriers of paper 001 (E0 = 7.50, E1 = 0.90, E2 = 0.02, Σ0 = 8.70, T0 = 0.86) in this
         * convention: ε1 = −E1 (softer particles have lower barriers), ε2 = +E2.
         */
        public static final Barriers KA_001 = new Barriers(7.50, -0.90, 0.02, 8.70, 0.86);

        /** The same ε's and Σ0 with another onset temperature. */
        public Barriers withT0(double t) { return new Barriers(eps0, eps1, eps2, sigma0, t); }

        public Barriers {
            finite("eps0", eps0); finite("eps1", eps1); finite("eps2", eps2); finite("sigma0", sigma0);
            if (!(t0 > 0) || !Double.isFinite(t0)) throw new IllegalArgumentException("t0 must be > 0, got " + t0);
        }
        /** ΔE(S). */
        public double deltaE(double s) { return eps0 + s * (eps1 + s * eps2); }
        /** Σ(S). */
        public double entropy(double s) { return sigma0 + s * (eps1 + s * eps2) / t0; }
        /** γ(T) (0 for T ≥ T0). */
        public double gamma(double t) { return t >= t0 ? 0 : eps1 * (1 / t0 - 1 / t); }
        /** δ(T) (0 for T ≥ T0). */
        public double delta(double t) { return t >= t0 ? 0 : eps2 * (1 / t - 1 / t0); }
        /** ln A(T) = Σ0 − ε0/T. */
        public double logAmplitude(double t) { return sigma0 - eps0 / t; }
        /** ln P(R|S,T) = ln A + γS − δS² (clamped form: S-independent at and above T0). */
        public double logProbability(double s, double t) { return logAmplitude(t) + gamma(t) * s - delta(t) * s * s; }
    }

    /** A Gaussian N(s0, sigma0²). */
    public record Gaussian(double s0, double sigma0) {
        public Gaussian {
            finite("s0", s0);
            if (!(sigma0 > 0) || !Double.isFinite(sigma0)) throw new IllegalArgumentException("sigma0 must be > 0, got " + sigma0);
        }
    }

    /** ⟨S⟩(T) = a + b/T. */
    public record MeanSoftness(double a, double b) {
        public MeanSoftness { finite("a", a); finite("b", b); }
        public double at(double t) { return a + b / t; }
    }

    /** The form of {@code 002} eq 29: f(0) = c0, f(r) = c1 e^{−r/ξ} for r &gt; 0. */
    public record ExpCorrelation(double c0, double c1, double xi) {
        public ExpCorrelation {
            finite("c0", c0); finite("c1", c1);
            if (!(xi > 0) || !Double.isFinite(xi)) throw new IllegalArgumentException("xi must be > 0, got " + xi);
        }
        public double at(double r) { return r == 0 ? c0 : c1 * Math.exp(-r / xi); }
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(name + " must be finite, got " + v);
    }

    /** Writes the file atomically. */
    public void write(Path file) throws IOException {
        Map<String, Object> root = JsonFile.map("schema", SCHEMA, "barriers", barriers, "rho", rho, "tauR", tauR);
        if (meanS != null) root.put("meanS", meanS);
        if (cS != null) root.put("cS", cS);
        if (sigmaDelta != null) root.put("sigmaDelta", sigmaDelta);
        if (rhoDelta != null) root.put("rhoDelta", rhoDelta);
        // an error that could not be estimated (NaN, ±∞) is left out: "errors" holds finite numbers, as read() requires
        java.util.TreeMap<String, Double> finite = new java.util.TreeMap<>();
        errors.forEach((k, v) -> { if (v != null && Double.isFinite(v)) finite.put(k, v); });
        if (!finite.isEmpty()) root.put("errors", finite);
        if (!provenance.isEmpty()) root.put("provenance", provenance);
        JsonFile.write(file, root);
    }

    /**
     * The file as read ({@link JsonFile#readStrict}): every section and number boxed, null when the file lacks it;
     * {@code unknown} collects the top-level keys of no section (refused by {@link #read}). Keys a section does not
     * know are ignored.
     */
    private record Stored(@JsonProperty("schema") String schema, @JsonProperty("barriers") BarriersIn barriers,
                          @JsonProperty("rho") RhoIn rho, @JsonProperty("tauR") Double tauR, @JsonProperty("meanS") MeanIn meanS,
                          @JsonProperty("cS") CorrIn cS, @JsonProperty("sigmaDelta") CorrIn sigmaDelta,
                          @JsonProperty("rhoDelta") CorrIn rhoDelta, @JsonProperty("errors") LinkedHashMap<String, Double> errors,
                          @JsonProperty("provenance") LinkedHashMap<String, Object> provenance,
                          @JsonAnySetter Map<String, Object> unknown) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record BarriersIn(@JsonProperty("eps0") Double eps0, @JsonProperty("eps1") Double eps1, @JsonProperty("eps2") Double eps2,
                              @JsonProperty("sigma0") Double sigma0, @JsonProperty("t0") Double t0) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RhoIn(@JsonProperty("s0") Double s0, @JsonProperty("sigma0") Double sigma0) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record MeanIn(@JsonProperty("a") Double a, @JsonProperty("b") Double b) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record CorrIn(@JsonProperty("c0") Double c0, @JsonProperty("c1") Double c1, @JsonProperty("xi") Double xi) {}

    /**
     * Reads and validates a parameter file.
     *
     * @throws InputFormatException naming the file and the field when a value is missing, not a
     *     number, out of range, or the schema tag is wrong
     * @throws IOException when the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static ModelParameters read(Path file) throws IOException {
        Stored root = JsonFile.readStrict(file, SCHEMA, Stored.class);
        Reader r = new Reader(file);
        if (root.unknown() != null) {
            for (String k : root.unknown().keySet()) {
                if (!KEYS.contains(k)) throw new InputFormatException(file.toString(), -1, "unknown key '" + k + "', expected one of " + new java.util.TreeSet<>(KEYS));
            }
        }
        try {
            BarriersIn b = r.object(root.barriers(), "barriers");
            Barriers barriers = new Barriers(r.num(b.eps0(), "barriers.eps0"), r.num(b.eps1(), "barriers.eps1"),
                    r.num(b.eps2(), "barriers.eps2"), r.num(b.sigma0(), "barriers.sigma0"), r.num(b.t0(), "barriers.t0"));
            RhoIn g = r.object(root.rho(), "rho");
            Gaussian rho = new Gaussian(r.num(g.s0(), "rho.s0"), r.num(g.sigma0(), "rho.sigma0"));
            double tauR = r.num(root.tauR(), "tauR");
            MeanSoftness meanS = root.meanS() != null ? new MeanSoftness(r.num(root.meanS().a(), "meanS.a"), r.num(root.meanS().b(), "meanS.b")) : null;
            ExpCorrelation cS = r.corr(root.cS(), "cS"), sd = r.corr(root.sigmaDelta(), "sigmaDelta"), rd = r.corr(root.rhoDelta(), "rhoDelta");
            Map<String, Double> errors = new LinkedHashMap<>();
            if (root.errors() != null) root.errors().forEach((k, v) -> errors.put(k, r.num(v, "errors." + k)));
            Map<String, Object> prov = root.provenance() != null ? root.provenance() : Map.of();
            return new ModelParameters(barriers, rho, tauR, meanS, cS, sd, rd, errors, prov);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(file.toString(), -1, e.getMessage());
        }
    }

    private record Reader(Path file) {
        InputFormatException bad(String field, String expected) {
            return new InputFormatException(file.toString(), -1, "field '" + field + "' missing or invalid, expected " + expected);
        }
        <T> T object(T section, String key) {
            if (section == null) throw bad(key, "an object");
            return section;
        }
        double num(Double v, String path) {
            if (v == null) throw bad(path, "a number");
            if (!Double.isFinite(v)) throw bad(path, "a finite number");
            return v;
        }
        ExpCorrelation corr(CorrIn n, String key) {
            if (n == null) return null;
            try {
                return new ExpCorrelation(num(n.c0(), key + ".c0"), num(n.c1(), key + ".c1"), num(n.xi(), key + ".xi"));
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file.toString(), -1, key + "." + e.getMessage());
            }
        }
    }
}
