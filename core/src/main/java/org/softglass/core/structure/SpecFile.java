package org.softglass.core.structure;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.softglass.core.io.InputFormatException;

/**
 * Reads a custom descriptor set ({@link DescriptorSpec}) from a JSON file:
 * <pre>{@code
 * {
 *   "rmax": 5.0,                       // required, σ
 *   "species": ["A", "B"],             // optional, default ["A", "B"] (LAMMPS types 1, 2)
 *   "tolerance": 1e-12,                // optional truncation τ, default 1e-12, in [1e-120, 1e-3]
 *   "radial": [                        // optional; each entry gives one width w (σ²) and its centres μ (σ)
 *     {"w": 0.0025, "mu": [0.05, 0.10, 0.15]},
 *     {"w": 0.08, "mu_from": 0.0, "mu_to": 4.9, "mu_step": 0.1}   // μ = from + m·step, m = 0.. while ≤ to (+1e-9 step)
 *   ],
 *   "angular": [                       // optional; ξ > 0 (σ), |λ| ≤ 1, integer ζ in [1, 64]
 *     {"xi": 14.638, "lambda": -1, "zeta": 1}
 *   ]
 * }
 * }</pre>
 * Unknown keys are refused, so a misspelt field cannot silently fall back to a default. Errors are
 * {@link InputFormatException}s with a one-line message {@code FILE:LINE: ...} naming the field and
 * what was expected (the line of the JSON value where known).
 */
public final class SpecFile {
    private SpecFile() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
    private static final Set<String> TOP = Set.of("rmax", "species", "tolerance", "radial", "angular");
    private static final Set<String> RADIAL = Set.of("w", "mu", "mu_from", "mu_to", "mu_step");
    private static final Set<String> ANGULAR = Set.of("xi", "lambda", "zeta");

    /**
     * Reads and validates a spec file (name null: a custom spec).
     *
     * @throws InputFormatException for malformed JSON, missing/unknown/invalid fields
     * @throws IOException if the file cannot be read
     */
    public static DescriptorSpec read(Path file) throws IOException {
        String src = file.toString();
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            long line = e.getLocation() == null ? -1 : e.getLocation().getLineNr();
            throw new InputFormatException(src, line, "not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (java.io.CharConversionException e) { // Jackson's encoding detection: not text in any UTF
            throw new InputFormatException(src, -1, "not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isObject()) throw new InputFormatException(src, -1, "expected a JSON object with rmax, radial, angular");
        checkKeys(src, root, TOP, "");
        double rmax = number(src, root, "rmax", true, Double.NaN);
        int[] species = {0, 1};
        JsonNode sp = root.get("species");
        if (sp != null) {
            if (!sp.isArray() || sp.isEmpty()) throw new InputFormatException(src, -1, "field 'species' must be a non-empty array of letters such as [\"A\", \"B\"]");
            species = new int[sp.size()];
            for (int k = 0; k < sp.size(); k++) {
                int s = sp.get(k).isTextual() ? DescriptorSpec.speciesIndex(sp.get(k).asText()) : -1;
                if (s < 0) throw new InputFormatException(src, -1, "field 'species[" + k + "]' is " + sp.get(k) + ", expected a letter A..Z");
                species[k] = s;
            }
        }
        double tol = number(src, root, "tolerance", false, DescriptorSpec.DEFAULT_TOLERANCE);
        List<DescriptorSpec.Radial> radial = new ArrayList<>();
        JsonNode rad = root.get("radial");
        if (rad != null) {
            if (!rad.isArray()) throw new InputFormatException(src, -1, "field 'radial' must be an array of {\"w\", \"mu\": [...]} objects");
            for (int k = 0; k < rad.size(); k++) {
                JsonNode e = rad.get(k);
                String at = "radial[" + k + "]";
                if (!e.isObject()) throw new InputFormatException(src, -1, "field '" + at + "' must be an object with w and mu");
                checkKeys(src, e, RADIAL, at + ".");
                double w = number(src, e, "w", true, Double.NaN, at + ".");
                JsonNode mu = e.get("mu");
                if (mu != null) {
                    if (e.has("mu_from") || e.has("mu_to") || e.has("mu_step")) {
                        throw new InputFormatException(src, -1, "field '" + at + "' has both mu and mu_from/mu_to/mu_step, expected one form");
                    }
                    if (!mu.isArray() || mu.isEmpty()) throw new InputFormatException(src, -1, "field '" + at + ".mu' must be a non-empty array of numbers");
                    for (int m = 0; m < mu.size(); m++) {
                        if (!mu.get(m).isNumber()) throw new InputFormatException(src, -1, "field '" + at + ".mu[" + m + "]' is " + mu.get(m) + ", expected a number");
                        radial.add(new DescriptorSpec.Radial(mu.get(m).asDouble(), w));
                    }
                } else {
                    double from = number(src, e, "mu_from", true, Double.NaN, at + ".");
                    double to = number(src, e, "mu_to", true, Double.NaN, at + ".");
                    double step = number(src, e, "mu_step", true, Double.NaN, at + ".");
                    if (!(step > 0) || !(to >= from) || (to - from) / step > 1e6) {
                        throw new InputFormatException(src, -1, "field '" + at + "': expected mu_step > 0, mu_to >= mu_from and at most 1e6 centres, got from="
                                + from + " to=" + to + " step=" + step);
                    }
                    for (int m = 0; from + m * step <= to + 1e-9 * step; m++) radial.add(new DescriptorSpec.Radial(from + m * step, w));
                }
            }
        }
        List<DescriptorSpec.Angular> angular = new ArrayList<>();
        JsonNode ang = root.get("angular");
        if (ang != null) {
            if (!ang.isArray()) throw new InputFormatException(src, -1, "field 'angular' must be an array of {\"xi\", \"lambda\", \"zeta\"} objects");
            for (int k = 0; k < ang.size(); k++) {
                JsonNode e = ang.get(k);
                String at = "angular[" + k + "]";
                if (!e.isObject()) throw new InputFormatException(src, -1, "field '" + at + "' must be an object with xi, lambda, zeta");
                checkKeys(src, e, ANGULAR, at + ".");
                double xi = number(src, e, "xi", true, Double.NaN, at + ".");
                double la = number(src, e, "lambda", true, Double.NaN, at + ".");
                JsonNode z = e.get("zeta");
                if (z == null || !z.canConvertToInt() || !(z.isIntegralNumber() || (z.isNumber() && z.asDouble() == Math.rint(z.asDouble())))) {
                    throw new InputFormatException(src, -1, "field '" + at + ".zeta' is " + z + ", expected an integer in [1, 64]");
                }
                angular.add(new DescriptorSpec.Angular(xi, la, z.asInt()));
            }
        }
        try {
            return new DescriptorSpec(null, rmax, species, radial, angular, tol);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(src, -1, e.getMessage());
        }
    }

    private static void checkKeys(String src, JsonNode obj, Set<String> allowed, String prefix) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InputFormatException(src, -1, "unknown field '" + prefix + k + "', expected one of " + new TreeSet<>(allowed));
            }
        }
    }

    private static double number(String src, JsonNode obj, String key, boolean required, double dflt) {
        return number(src, obj, key, required, dflt, "");
    }

    private static double number(String src, JsonNode obj, String key, boolean required, double dflt, String prefix) {
        JsonNode n = obj.get(key);
        if (n == null) {
            if (required) throw new InputFormatException(src, -1, "field '" + prefix + key + "' is missing, expected a number");
            return dflt;
        }
        if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
            throw new InputFormatException(src, -1, "field '" + prefix + key + "' is " + n + ", expected a finite number");
        }
        return n.asDouble();
    }
}
