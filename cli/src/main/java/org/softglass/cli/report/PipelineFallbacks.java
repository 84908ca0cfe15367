package org.softglass.cli.report;

import org.softglass.cli.Csv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.cli.pipeline.KicksError;
import org.softglass.study.barriers.OnsetSource;
import org.softglass.study.trsp.CsSource;
import org.softglass.study.trsp.KickSource;

/**
 * The places where a pipeline run used a preset or reduced number instead of a measured one, read from
 * the stage markers the pipeline writes ({@link Pipeline}):
 * <ul>
 *   <li>{@code barriers/onset-source.json} with {@code source} ≠ {@code fitted}: the onset fit refused, the
 *       trap and TRSP models ran on the {@code ka-002} preset's ΔE(S), Σ(S), T0, ϱ(S), ⟨S⟩(T) (τ_R measured);</li>
 *   <li>{@code trsp/kick-source.json} with {@code source} ≠ {@code fitted} (and the reason of
 *       {@code correlations/kicks-error.json} when the ΔS statistics were not fitted at all): the TRSP kicks
 *       σ_Δ(r), ρ_Δ(r) are the preset's, σ_Δ scaled;</li>
 *   <li>{@code trsp/cs-source.json} with {@code source} ≠ {@code fitted}: C_S(r)'s c1 was reduced until the
 *       lattice covariance is positive definite.</li>
 * </ul>
 * The report shows each as a banner at the top of {@code index.html} and lists them in summary.json
 * ({@code fallbacks}, {@code fallback_used}), so a script can refuse a run whose comparison rests on
 * numbers nobody measured.
 */
final class PipelineFallbacks {
    private PipelineFallbacks() {}

    /**
     * One substitution.
     *
     * @param what the quantity that was not measured
     * @param substitute what was used instead
     * @param reason why the measured one could not be used
     */
    record Fallback(String what, String substitute, String reason) {
        Map<String, Object> asMap() { return Csv.map("what", what, "substitute", substitute, "reason", reason); }
    }

    /** The fallbacks of the run in {@code root}, in pipeline order (empty when every number was measured). */
    static List<Fallback> read(Path root) throws IOException {
        List<Fallback> out = new ArrayList<>();
        Path onsetFile = root.resolve("barriers").resolve("onset-source.json");
        OnsetSource onset = Files.isRegularFile(onsetFile) ? OnsetSource.read(onsetFile) : null;
        if (onset != null && !onset.fitted()) {
            out.add(new Fallback("onset fit: ΔE(S), Σ(S), T0, ϱ(S), ⟨S⟩(T) of the trap and TRSP models",
                    text(onset.source()) + " values (τ_R measured)", text(onset.reason())));
        }
        Path kicksErrorFile = root.resolve("correlations").resolve("kicks-error.json"), kicksFile = root.resolve("trsp").resolve("kick-source.json");
        KicksError kicksError = Files.isRegularFile(kicksErrorFile) ? KicksError.read(kicksErrorFile) : null;
        KickSource kicks = Files.isRegularFile(kicksFile) ? KickSource.read(kicksFile) : null;
        if ((kicks != null && !kicks.fitted()) || kicksError != null) {
            List<String> why = new ArrayList<>();
            if (kicksError != null) why.add("ΔS statistics not fitted: " + text(kicksError.reason()));
            // without ΔS statistics there were no fitted kicks to refuse: the TRSP check's "section missing" adds nothing
            if (kicksError == null && kicks != null && !kicks.fitted() && kicks.reason() != null) why.add("fitted kicks refused by the TRSP model: " + kicks.reason());
            out.add(new Fallback("TRSP kicks σ_Δ(r), ρ_Δ(r)", kicks != null && !kicks.fitted() ? text(kicks.source()) : "none (not fitted)",
                    String.join("; ", why)));
        }
        Path csFile = root.resolve("trsp").resolve("cs-source.json");
        CsSource cs = Files.isRegularFile(csFile) ? CsSource.read(csFile) : null;
        if (cs != null && !cs.fitted()) {
            out.add(new Fallback("TRSP C_S(r) c1", "c1 = " + ReportNumbers.fmt(cs.c1Used()) + " instead of the fitted "
                    + ReportNumbers.fmt(cs.c1Fitted()), text(cs.source()) + ": the fitted C_S(r) is not positive definite on the TRSP lattice"));
        }
        return out;
    }

    /** summary.json's {@code fallbacks} list. */
    static List<Map<String, Object>> asMaps(List<Fallback> f) { return f.stream().map(Fallback::asMap).toList(); }

    /** A field of a marker, "(not recorded)" where null or missing. */
    private static String text(String v) { return v != null ? v : "(not recorded)"; }
}
