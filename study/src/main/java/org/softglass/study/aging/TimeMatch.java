package org.softglass.study.aging;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.PipelineSummary;
import org.softglass.core.util.InvalidParameter;

/**
 * The time-matching factor f = τ_Q,model/τ_Q,MD of one model (trap or TRSP) and where it came from: the model value at the
 * MD waiting time t_w is the raw model curve at f·t_w. f = 1 with {@code matched} false when no factor is known.
 *
 * @param factor  f, &gt; 0
 * @param matched whether f is a matching factor (explicit or from the summary) rather than the default 1
 * @param source  where f came from, as recorded in aging.json
 */
public record TimeMatch(double factor, boolean matched, String source) {
    /** The {@code time_matching.trap} / {@code .trsp} block of aging.json: factor, matched, source. */
    Map<String, Object> asMap() {
        return JsonFile.map("factor", factor, "matched", matched, "source", source);
    }

    /**
     * The factor of model {@code name} ({@code "trap"} or {@code "trsp"}): {@code explicit} if given, else the pipeline
     * summary's {@code time_matching.NAME.factor}, else 1 (unmatched).
     *
     * @param summary     the parsed pipeline summary, or null
     * @param summaryFile its file (recorded as the source), or null
     * @param token       the request parameter of the explicit factor ({@code trapFactor})
     * @param spelling    how the caller spells request parameters in recorded text
     * @throws InvalidParameter a summary without a {@code time_matching} block
     */
    static TimeMatch of(PipelineSummary summary, Path summaryFile, String name, Double explicit, String token, Function<String, String> spelling) {
        if (explicit != null) return new TimeMatch(explicit, true, spelling.apply(token));
        if (summary == null) return new TimeMatch(1, false, "none (no " + spelling.apply("summary") + ")");
        PipelineSummary.TimeMatching tm = summary.timeMatching();
        if (tm == null) {
            throw new InvalidParameter("{summary}: " + summaryFile + " has no time_matching block (a pipeline run from before time matching?);"
                    + " give {trapFactor} and {trspFactor}, or leave out {summary} for unmatched curves");
        }
        PipelineSummary.Factor f = tm.of(name);
        if (f == null || f.factor() == null || !(f.factor() > 0)) {
            String refused = f == null || f.refused() == null ? "no factor" : f.refused();
            return new TimeMatch(1, false, "summary refused " + name + " matching: " + refused);
        }
        return new TimeMatch(f.factor(), true, summaryFile.toString());
    }
}
