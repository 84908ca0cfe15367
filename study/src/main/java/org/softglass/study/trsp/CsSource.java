package org.softglass.study.trsp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.JsonFile;

/**
 * {@code cs-source.json}, as {@link TrspParameterStudy#resolve} writes it: the c1 of C_S(r) = c1 exp(−r/ξ) (r &gt; 0) the
 * TRSP run used. The one reader of that file.
 *
 * @param source {@code fitted}, or how c1 was reduced
 * @param c1Fitted the fitted c1, NaN where the parameter file has no C_S(r)
 * @param c1Used the c1 used, NaN likewise
 */
@JsonIgnoreProperties(ignoreUnknown = true)   // a later writer may add keys; the report reads these
public record CsSource(@JsonProperty("source") String source, @JsonProperty("c1_fitted") double c1Fitted, @JsonProperty("c1_used") double c1Used) {
    /** Whether the run used the fitted c1. */
    public boolean fitted() { return "fitted".equals(source); }

    /** Reads {@code file} ({@code cs-source.json}). */
    public static CsSource read(Path file) throws IOException { return JsonFile.read(file, CsSource.class); }
}
