package org.softglass.cli.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.softglass.core.io.ConfigFile;
import org.softglass.core.io.InputFormatException;

/**
 * The configuration file of {@code softglass study CONFIG} (schema {@value #SCHEMA}, YAML or JSON): the
 * user's trajectories mapped to temperatures and the settings of the softness analysis. Example (YAML):
 * <pre>
 * schema: softglass.study/1          # optional
 * name: my-ka                        # names the report; default: the file name
 * model: ka                          # the system, for the report and the published table: ka (the papers' KA 80:20) or any text; default "unspecified"
 * inherent_structures: true          # required: whether `file` holds inherent structures (papers 000-002) or thermal frames
 * dt: 0.005                          # MD timestep, τ per timestep unit of the files (default 0.005)
 * trajectories:                      # at least two temperatures
 *   - {temperature: 0.61, file: is_T0.61.dump, thermal: traj_T0.61.dump}   # thermal: optional, for F_s and τ_α
 *   - {temperature: 0.66, file: is_T0.66.dump}
 * features: fluidity-100             # descriptor preset (ka-266, ss-166, fluidity-100; default fluidity-100)
 * train_temperatures: [0.61]         # default: the lowest temperature
 * t_r: 10                            # p_hop window t_R, τ (default 10)
 * p_c: 0.3                           # rearranging: an event with p* > p_c (default 0.3)
 * p_stable: 0.02                     # stable: p_hop < p_stable for tau_c (default 0.02)
 * tau_c: 10                          # τ (default 10)
 * p_r: 0.2                           # P(R|S,T) counts p_hop > p_r (default 0.2)
 * trsp: {L: 16, trajectories: 8, events: 20000}   # TRSP lattice (defaults as here)
 * bootstrap: 200                     # bootstrap resamples of the barrier fits (default 200)
 * </pre>
 * The defaults are those of the {@code demo} preset (DESIGN §4–5). Paths are relative to the
 * configuration file's folder. Instead of {@code trajectories}, a {@code simulate} block ({@link Simulate}) makes the
 * MD itself: the built-in presets are such files ({@code studies/*.yaml}). Every key is checked: an unknown key is an error naming it and its line.
 *
 * @param schema {@value #SCHEMA} or absent
 * @param name the study's name (report title, run label), or null for the file name
 * @param model the system simulated ({@code ka} for the papers' Kob–Andersen mixture, or a description), or null
 * @param inherentStructures whether each {@code file} is an inherent-structure trajectory (required)
 * @param dt MD timestep (τ), or null for 0.005
 * @param trajectories one entry per temperature
 * @param features descriptor preset, or null for {@code fluidity-100}
 * @param trainTemperatures training temperatures (pooled), or null for the lowest
 * @param tR p_hop window t_R (τ), or null
 * @param pC p* threshold of rearranging samples, or null
 * @param pStable p_hop bound of stable samples, or null
 * @param tauC stable duration τ_c (τ), or null
 * @param pR p_hop threshold of P(R|S,T), or null
 * @param trsp the TRSP lattice settings, or null
 * @param bootstrap bootstrap resamples, or null
 * @param simulate the MD to make (instead of {@code trajectories}), or null
 * @param quench with {@code trajectories} of thermal frames: how to quench every frame to its inherent structure, or null
 */
record StudyConfig(@JsonProperty("schema") String schema, @JsonProperty("name") String name, @JsonProperty("model") String model,
                   @JsonProperty("inherent_structures") Boolean inherentStructures, @JsonProperty("dt") Double dt,
                   @JsonProperty("trajectories") List<Input> trajectories, @JsonProperty("features") String features,
                   @JsonProperty("train_temperatures") List<Double> trainTemperatures, @JsonProperty("t_r") Double tR,
                   @JsonProperty("p_c") Double pC, @JsonProperty("p_stable") Double pStable, @JsonProperty("tau_c") Double tauC,
                   @JsonProperty("p_r") Double pR, @JsonProperty("trsp") Trsp trsp, @JsonProperty("bootstrap") Integer bootstrap,
                   @JsonProperty("simulate") Simulate simulate, @JsonProperty("quench") Quench quench) {

    /** The schema name a configuration may declare. */
    static final String SCHEMA = "softglass.study/1";

    /**
     * One temperature's trajectories.
     *
     * @param temperature T (ε/k_B)
     * @param file the trajectory p_hop, training and softness are computed on (inherent structures or thermal)
     * @param thermal the thermal trajectory for F_s and τ_α, or null to use {@code file}
     */
    record Input(@JsonProperty(value = "temperature", required = true) Double temperature,
                 @JsonProperty(value = "file", required = true) String file, @JsonProperty("thermal") String thermal) {}

    /**
     * The MD a study makes itself, instead of reading trajectories (the built-in presets, {@code studies/*.yaml}):
     * the Kob–Andersen 80:20 mixture at ρ = 1.2, NVT at each temperature in the order given (each starts from the
     * last frame of the one before: list them hottest first), with a frame every {@code dump_every} steps.
     *
     * @param n particles
     * @param temperatures in cooling order
     * @param equilibrate equilibration steps: one number for all, or one per temperature
     * @param steps production steps: one number for all, or one per temperature
     * @param dumpEvery steps between frames
     */
    record Simulate(@JsonProperty(value = "n", required = true) Integer n,
                    @JsonProperty(value = "temperatures", required = true) List<Double> temperatures,
                    @JsonProperty(value = "equilibrate", required = true) List<Long> equilibrate,
                    @JsonProperty(value = "steps", required = true) List<Long> steps,
                    @JsonProperty(value = "dump_every", required = true) Long dumpEvery) {}

    /**
     * Quenching the user's thermal frames to inherent structures (papers 000-002 analyse inherent structures): every
     * frame of each {@code file}, with the pair potential {@code model} (a name of {@code Models.NAMES}: ka, ss = harmonic-ss, ipl, mblj, sticky-spheres, sw) and the minimiser {@code min} to
     * |F|₂ ≤ {@code ftol} (defaults: lbfgs+fire, 1e-4, the presets' quench), as {@code softglass quench} does.
     *
     * @param model pair potential preset (required: the energy landscape is the user's model's)
     * @param min minimiser, or null for lbfgs+fire
     * @param ftol force tolerance, or null for 1e-4
     */
    record Quench(@JsonProperty(value = "model", required = true) String model, @JsonProperty("min") String min,
                  @JsonProperty("ftol") Double ftol) {}

    /**
     * The TRSP lattice model's size.
     *
     * @param side lattice side L, or null for 16
     * @param trajectories independent trajectories, or null for 8
     * @param events events per trajectory, or null for 20 000
     */
    record Trsp(@JsonProperty("L") Integer side, @JsonProperty("trajectories") Integer trajectories, @JsonProperty("events") Long events) {}

    /**
     * Reads a configuration: YAML unless the name ends in {@code .json}.
     *
     * @throws InputFormatException naming the file, the line and what was expected (an unknown key, a
     *     value of the wrong type, malformed YAML or JSON)
     */
    static StudyConfig read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString());
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return read(in, file, json);
        }
    }

    /**
     * Reads a configuration from a stream (a built-in preset); {@code file} names it in messages (and finds key lines).
     * Strict ({@link ConfigFile}): an unknown key is an error naming it and its line.
     */
    static StudyConfig read(java.io.InputStream in, Path file, boolean json) throws IOException {
        StudyConfig c = ConfigFile.read(in, file, json, StudyConfig.class);
        if (c == null) throw new InputFormatException(file.toString(), -1, "empty, expected a study configuration (schema " + SCHEMA + ")");
        if (c.schema != null && !c.schema.equals(SCHEMA)) {
            throw new InputFormatException(file.toString(), -1, "schema '" + c.schema + "', expected " + SCHEMA);
        }
        return c;
    }
}
