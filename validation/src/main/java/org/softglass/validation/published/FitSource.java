package org.softglass.validation.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where a run's model parameters came from: {@code barriers/onset-source.json} or {@code trsp/kick-source.json}
 * ({@code {"source": "fitted" | a preset's name, "reason": ...}}); only {@code source} is read.
 *
 * @param source {@code fitted} when the run's own fit was used, else the fallback's name; null when missing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record FitSource(@JsonProperty("source") String source) {
    /** Whether the run's own fit was used. */
    boolean fitted() { return "fitted".equals(source); }

    /** The source as written, "" when missing. */
    String name() { return source == null ? "" : source; }
}
