package org.softglass.cli.pipeline;

import org.softglass.cli.Csv;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's trajectories of a {@code softglass study}: per temperature, the file the structure and
 * p_hop stages use and the thermal one F_s uses (the same file when none was given).
 *
 * @param model the system as the configuration names it ({@code ka}, or a description; "unspecified" when absent)
 * @param config the configuration file (absolute)
 * @param configSha256 its SHA-256
 * @param structure temperature → trajectory of p_hop, training and softness
 * @param thermal temperature → thermal trajectory of F_s and τ_α
 * @param density number density N/V of the first trajectory's first frame (σ⁻³)
 * @param minBoxSide the smallest box length of that frame (σ): distances of the correlation stage stay within half of it
 * @param quench how the thermal {@code structure} files are quenched to inherent structures first, or null when they are
 *     analysed as they are
 */
public record StudyInputs(String model, Path config, String configSha256, Map<Double, Path> structure, Map<Double, Path> thermal, double density,
                   double minBoxSide, StudyConfig.Quench quench) {

    /** The structure trajectory at T. */
    Path structure(double t) { return get(structure, t); }

    /** The thermal trajectory at T. */
    Path thermal(double t) { return get(thermal, t); }

    private static Path get(Map<Double, Path> m, double t) {
        Path p = m.get(t);
        if (p == null) throw new IllegalArgumentException("the study has no trajectory at T = " + t);
        return p;
    }

    /**
     * The settings block of a study's manifest and summary: the preset's analysis settings, with the
     * system as the configuration names it and the measured density; no MD or quench settings (none ran).
     */
    public Map<String, Object> settings(PipelinePreset preset) {
        Map<String, Object> m = preset.asMap();
        m.put("model", model);
        m.put("density", density);
        for (String k : java.util.List.of("equilibrate_steps", "inherent_min", "inherent_ftol")) m.remove(k);
        return m;
    }

    /** For manifests and the report: the configuration, its hash, the density and the files per temperature. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", model);
        m.put("config", config.toString());
        m.put("config_sha256", configSha256);
        m.put("density", density);
        Map<String, Object> files = new LinkedHashMap<>();
        // insertion-ordered maps only: these go into the report item's fingerprint, which must not change between JVMs
        structure.forEach((t, f) -> files.put(PipelinePreset.label(t), Csv.map("file", f.toString(), "thermal", thermal(t).toString())));
        m.put("trajectories", files);
        if (quench != null) m.put("quench", Csv.map("model", quench.model(), "min", quench.min(), "ftol", quench.ftol()));
        return m;
    }
}
