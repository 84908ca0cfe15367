package org.softglass.core.barriers;

/**
 * How samples (rows of a softness or descriptor table: frame index, timestep, particle id) are grouped
 * into the blocks of the bootstrap of P(R|S) (DESIGN §7b: "blocks of particles or of time longer than
 * one event"; {@link ConditionalProbability}).
 *
 * <ul>
 *   <li>{@code frames == 0}: one block per particle, its whole time series at the temperature. Every
 *       event lies in one block; correlations between different particles (cooperative, facilitated
 *       rearrangements) are not seen. Many blocks (one per particle), so a stable error.</li>
 *   <li>{@code frames = K > 0}: one block per K consecutive frames (frame index / K), all particles.
 *       Sees correlations between particles within a frame as well as along time, provided K exceeds
 *       the event duration τ_R in frames ({@code 002} §V); but a run of F frames gives only F/K blocks,
 *       so the error itself is noisy (relative error ≈ 1/√(2F/K)) and events straddling block edges
 *       are split.</li>
 * </ul>
 *
 * @param frames 0 for particle blocks, else the frames per time block (≥ 1)
 */
public record BlockScheme(int frames) {
    /** Validates the block length. */
    public BlockScheme {
        if (frames < 0) throw new IllegalArgumentException("frames per bootstrap block must be >= 1 (or 0 for particle blocks), got " + frames);
    }

    /** Particle blocks. */
    public static BlockScheme particles() { return new BlockScheme(0); }

    /** Time blocks of {@code k} consecutive frames. */
    public static BlockScheme frames(int k) {
        if (k < 1) throw new IllegalArgumentException("frames per bootstrap block must be >= 1, got " + k);
        return new BlockScheme(k);
    }

    /** "particle" or "frames:K", as the output records it. */
    public String label() { return frames == 0 ? "particle" : "frames:" + frames; }

    /**
     * The dense block index of every row ({@link ConditionalProbability#denseBlocks}).
     *
     * @param rows (frame index, timestep, particle id) per row (not modified)
     */
    public int[] blocks(long[][] rows) {
        long[] label = new long[rows.length];
        for (int i = 0; i < rows.length; i++) label[i] = frames == 0 ? rows[i][2] : Math.floorDiv(rows[i][0], frames);
        return ConditionalProbability.denseBlocks(label);
    }
}
