package org.softglass.core.rearrange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.TrajectoryRef;

/**
 * {@code phop.json}, the header of a p_hop directory (file contract §2, {@link PhopFiles}), as written and read:
 * {@code {"schema": "softglass.phop/1", "tR", "tR_effective" (= 2hΔ), "dt", "frame_spacing" (Δ, τ),
 * "half_window_frames" (h), "frames" (F), "times": [F] (τ), "timesteps": [F], "ids": [N], "types": [N], "input",
 * "trajectory": {"file", "sha256"}}}. Read strictly through {@link JsonFile#readStrict} (a field of the wrong kind is
 * refused naming it); fields it does not know are ignored. A component is null when the file lacks the field
 * ({@link #read} refuses that for the fields every reader needs).
 *
 * @param schema {@value PhopFiles#SCHEMA}
 * @param tR the p_hop window t_R asked for (τ)
 * @param tREffective the window used, 2hΔ (τ)
 * @param dt the MD timestep (τ)
 * @param frameSpacing Δ, the time between frames (τ)
 * @param halfWindowFrames h, as written (an integer; a number that is not is refused by {@link PhopFiles#replay})
 * @param frames F
 * @param times the frame times (τ), length F
 * @param timesteps the frame timesteps, length F
 * @param ids the particle id of each column of phop.npy, ascending, length N
 * @param types the LAMMPS type of each column, length N
 * @param input the trajectory as named
 * @param trajectory the trajectory's identity, null in a file written before softglass recorded it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schema", "tR", "tR_effective", "dt", "frame_spacing", "half_window_frames", "frames", "times", "timesteps",
        "ids", "types", "input", "trajectory"})
public record PhopSummary(@JsonProperty("schema") String schema,
                          @JsonProperty("tR") Double tR,
                          @JsonProperty("tR_effective") Double tREffective,
                          @JsonProperty("dt") Double dt,
                          @JsonProperty("frame_spacing") Double frameSpacing,
                          @JsonProperty("half_window_frames") Number halfWindowFrames,
                          @JsonProperty("frames") Long frames,
                          @JsonProperty("times") double[] times,
                          @JsonProperty("timesteps") long[] timesteps,
                          @JsonProperty("ids") long[] ids,
                          @JsonProperty("types") long[] types,
                          @JsonProperty("input") String input,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("trajectory") TrajectoryRef.Stored trajectory) {

    /**
     * Reads {@code json} and checks what every reader of a p_hop directory needs: the schema, the arrays "times",
     * "timesteps", "ids", "types" and the number "dt" present, and the per-frame and per-particle fields consistent
     * ({@link PhopFiles#checkHeader}).
     *
     * @throws InputFormatException naming the file and the first field that is missing, of the wrong kind or off
     */
    public static PhopSummary read(Path json) throws IOException {
        String src = json.toString();
        PhopSummary s = JsonFile.readStrict(json, PhopFiles.SCHEMA, PhopSummary.class);
        require(src, "times", s.times);
        require(src, "timesteps", s.timesteps);
        require(src, "ids", s.ids);
        require(src, "types", s.types);
        if (s.dt == null) throw missing(src, "dt", "a number");
        PhopFiles.checkHeader(src, s.ids, s.types, s.timesteps, s.times, s.dt);
        return s;
    }

    private static void require(String src, String field, Object array) {
        if (array == null) throw missing(src, field, "an array");
    }

    /** {@code field 'dt' is missing, expected a number}: the words of {@link JsonFile#readStrict} for a field of the wrong kind. */
    static InputFormatException missing(String src, String field, String expected) {
        return new InputFormatException(src, -1, "field '" + field + "' is missing, expected " + expected);
    }
}
