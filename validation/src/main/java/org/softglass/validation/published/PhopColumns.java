package org.softglass.validation.published;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The fields of a p_hop directory's {@code phop.json} (schema {@code softglass.phop/1}) that the published table reads
 * beyond {@link org.softglass.core.barriers.PhopTable}: the particle types of the columns and the frame spacing.
 *
 * @param types the LAMMPS type of each column of phop.npy, in column order; null when missing (an element null where
 *     the file has null)
 * @param frameSpacing Δ, the time between frames (τ), or null when missing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PhopColumns(@JsonProperty("types") List<Long> types, @JsonProperty("frame_spacing") Double frameSpacing) {
    /** The type of column {@code c}, or −1 when the file gives none. */
    long type(int c) {
        return types == null || c >= types.size() || types.get(c) == null ? -1 : types.get(c);
    }
}
