package org.softglass.core.energy;

import java.util.Locale;
import org.softglass.core.simd.PairParams;

/**
 * Builds a {@link PairPotential} from a rule that gives each ordered species pair (a, b) its {@link PairParams}:
 * the table is ns×ns row-major (entry {@code a·ns + b}), and the description is the header followed by
 * {@code " ab: text"} (species counted from 1) for each pair with b ≥ a, in table order.
 */
final class PairTable {
    private PairTable() {}

    /** One pair's parameters and its text in the description (e.g. {@code "lambda=1.18000"}). */
    record Entry(PairParams params, String text) {}

    /** The entry of the pair (a, b), 0-based species; throws IllegalArgumentException on a bad parameter. */
    @FunctionalInterface
    interface Rule {
        Entry at(int a, int b);
    }

    static PairPotential build(String name, String header, int ns, Rule rule) {
        PairParams[] t = new PairParams[ns * ns];
        StringBuilder d = new StringBuilder(header);
        for (int a = 0; a < ns; a++) {
            for (int b = 0; b < ns; b++) {
                Entry e = rule.at(a, b);
                t[a * ns + b] = e.params();
                if (b >= a) d.append(String.format(Locale.ROOT, " %d%d: ", a + 1, b + 1)).append(e.text());
            }
        }
        return new PairPotential(name, d.toString(), ns, t);
    }

    /** The parameters of one pair of a λ-scaled potential from r_c² = (x_c λ_ab)² and 1/λ_ab² (σ_AA⁻²). */
    @FunctionalInterface
    interface Scaled {
        PairParams params(double rc2, double inverseLambda2);
    }

    /**
     * The table of a potential of x = r/λ_ab with cutoff x_c ({@link InversePowerLaw}, {@link StickySpheres}): for
     * each pair checks λ_ab &gt; 0 (else an IllegalArgumentException "{@code kind} lambda a,b must be &gt; 0") and
     * describes it as "lambda=%g".
     */
    static PairPotential scaled(String name, String header, String kind, double[][] lambda, double xc, Scaled form) {
        return build(name, header, lambda.length, (a, b) -> {
            double l = lambda[a][b];
            if (!(l > 0)) throw new IllegalArgumentException(kind + " lambda " + a + "," + b + " must be > 0");
            double rc = xc * l;
            return new Entry(form.params(rc * rc, 1.0 / (l * l)), text("lambda=%g", l));
        });
    }

    /** {@code String.format} in the root locale, the description's number format. */
    static String text(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
