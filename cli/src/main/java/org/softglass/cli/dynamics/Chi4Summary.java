package org.softglass.cli.dynamics;

import org.softglass.core.util.Format;
import org.softglass.study.Species;

/**
 * The one line {@code overlap} and {@code persistence} print after a Q(t), χ4(t) run (paper 000 eq. 15): the particles
 * counted, the threshold that defines "moved", τ_Q (Q = 1/e), τ_χ (the χ4 peak) and χ4* (its height), times in τ.
 */
final class Chi4Summary {
    private Chi4Summary() {}

    /**
     * {@code "NAME: N = n (SPECIES), THRESHOLD, tau_Q = …, tau_chi = …, chi4* = …"}, numbers to 4 significant digits;
     * the caller appends what is its own and the output directory.
     *
     * @param threshold e.g. {@code "a = 0.3"} or {@code "p_c = 0.2"}
     */
    static String line(String name, int particles, Species species, String threshold, double tauQ, double tauChi, double chi4Star) {
        return name + ": N = " + particles + " (" + species.label() + "), " + threshold + ", tau_Q = " + Format.g4(tauQ)
                + ", tau_chi = " + Format.g4(tauChi) + ", chi4* = " + Format.g4(chi4Star);
    }
}
