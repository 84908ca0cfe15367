package org.softglass.core.structure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;

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
 * The file is bound to records ({@link JsonFile#readStrictWithComments}: a field of the wrong kind is refused naming
 * it, e.g. {@code field 'radial[0].mu[1]' is "x", expected a number}), then checked field by field.
 * Unknown keys are refused, so a misspelt field cannot silently fall back to a default. Errors are
 * {@link InputFormatException}s with a one-line message {@code FILE:LINE: ...} naming the field and
 * what was expected (the line of the JSON value where known).
 */
public final class SpecFile {
    private SpecFile() {}

    /** The file as bound: a field is null when the file lacks it. */
    private record Spec(@JsonProperty("rmax") Double rmax, @JsonProperty("species") List<String> species,
                        @JsonProperty("tolerance") Double tolerance, @JsonProperty("radial") List<RadialIn> radial,
                        @JsonProperty("angular") List<AngularIn> angular) {}

    /** One "radial" entry: a width and either explicit centres or a range of them. */
    private record RadialIn(@JsonProperty("w") Double w, @JsonProperty("mu") double[] mu, @JsonProperty("mu_from") Double muFrom,
                            @JsonProperty("mu_to") Double muTo, @JsonProperty("mu_step") Double muStep) {}

    /** One "angular" entry; ζ is any number here (an integral float such as 2.0 is accepted), checked by {@link #read}. */
    private record AngularIn(@JsonProperty("xi") Double xi, @JsonProperty("lambda") Double lambda, @JsonProperty("zeta") Number zeta) {}

    /**
     * Reads and validates a spec file (name null: a custom spec).
     *
     * @throws InputFormatException for malformed JSON, missing/unknown/invalid fields
     * @throws IOException if the file cannot be read
     */
    public static DescriptorSpec read(Path file) throws IOException {
        String src = file.toString();
        Spec root = JsonFile.readStrictWithComments(file, Spec.class);
        double rmax = number(src, root.rmax(), "rmax", true, Double.NaN);
        int[] species = {0, 1};
        List<String> sp = root.species();
        if (sp != null) {
            if (sp.isEmpty()) throw new InputFormatException(src, -1, "field 'species' must be a non-empty array of letters such as [\"A\", \"B\"]");
            species = new int[sp.size()];
            for (int k = 0; k < sp.size(); k++) {
                int s = sp.get(k) != null ? DescriptorSpec.speciesIndex(sp.get(k)) : -1;
                if (s < 0) throw new InputFormatException(src, -1, "field 'species[" + k + "]' is " + JsonFile.text(sp.get(k)) + ", expected a letter A..Z");
                species[k] = s;
            }
        }
        double tol = number(src, root.tolerance(), "tolerance", false, DescriptorSpec.DEFAULT_TOLERANCE);
        List<DescriptorSpec.Radial> radial = new ArrayList<>();
        eachObject(src, root.radial(), "radial", "w and mu", (e, at) -> {
            double w = number(src, e.w(), at + ".w", true, Double.NaN);
            if (e.mu() != null) {
                if (e.muFrom() != null || e.muTo() != null || e.muStep() != null) {
                    throw new InputFormatException(src, -1, "field '" + at + "' has both mu and mu_from/mu_to/mu_step, expected one form");
                }
                if (e.mu().length == 0) throw new InputFormatException(src, -1, "field '" + at + ".mu' must be a non-empty array of numbers");
                for (double mu : e.mu()) radial.add(new DescriptorSpec.Radial(mu, w));
            } else {
                double from = number(src, e.muFrom(), at + ".mu_from", true, Double.NaN);
                double to = number(src, e.muTo(), at + ".mu_to", true, Double.NaN);
                double step = number(src, e.muStep(), at + ".mu_step", true, Double.NaN);
                if (!(step > 0) || !(to >= from) || (to - from) / step > 1e6) {
                    throw new InputFormatException(src, -1, "field '" + at + "': expected mu_step > 0, mu_to >= mu_from and at most 1e6 centres, got from="
                            + from + " to=" + to + " step=" + step);
                }
                for (int m = 0; from + m * step <= to + 1e-9 * step; m++) radial.add(new DescriptorSpec.Radial(from + m * step, w));
            }
        });
        List<DescriptorSpec.Angular> angular = new ArrayList<>();
        eachObject(src, root.angular(), "angular", "xi, lambda, zeta", (e, at) -> {
            double xi = number(src, e.xi(), at + ".xi", true, Double.NaN);
            double la = number(src, e.lambda(), at + ".lambda", true, Double.NaN);
            Number z = e.zeta();
            double zd = z == null ? Double.NaN : z.doubleValue();
            if (z == null || zd != Math.rint(zd) || zd < Integer.MIN_VALUE || zd > Integer.MAX_VALUE) {
                throw new InputFormatException(src, -1, "field '" + at + ".zeta' is " + z + ", expected an integer in [1, 64]");
            }
            angular.add(new DescriptorSpec.Angular(xi, la, (int) zd));
        });
        try {
            return new DescriptorSpec(null, rmax, species, radial, angular, tol);
        } catch (IllegalArgumentException e) {
            throw new InputFormatException(src, -1, e.getMessage());
        }
    }

    /**
     * Calls {@code body} with each entry of the optional array {@code field} (none when it is absent) and the entry's
     * path {@code field[k]}; a null entry is refused: "field 'field[k]' must be an object with {@code members}".
     */
    private static <E> void eachObject(String src, List<E> entries, String field, String members, BiConsumer<E, String> body) {
        if (entries == null) return;
        for (int k = 0; k < entries.size(); k++) {
            E e = entries.get(k);
            String at = field + "[" + k + "]";
            if (e == null) throw new InputFormatException(src, -1, "field '" + at + "' must be an object with " + members);
            body.accept(e, at);
        }
    }

    private static double number(String src, Double n, String field, boolean required, double dflt) {
        if (n == null) {
            if (required) throw new InputFormatException(src, -1, "field '" + field + "' is missing, expected a number");
            return dflt;
        }
        if (!Double.isFinite(n)) throw new InputFormatException(src, -1, "field '" + field + "' is " + n + ", expected a finite number");
        return n;
    }
}
