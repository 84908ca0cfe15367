package org.softglass.core.rearrange;

/**
 * One rearrangement event of one particle ({@code 001}, DESIGN §4): a maximal run of frames with
 * p_hop &gt; p_L.
 *
 * @param slot particle slot (index in id order)
 * @param id LAMMPS id
 * @param type LAMMPS type (1 = A, 2 = B)
 * @param frameStart first frame with p_hop &gt; p_L (t_start)
 * @param frameEnd first later frame with p_hop ≤ p_L (t_end, where it has fallen below), or −1 if
 *     p_hop was still above p_L at the last frame where it is defined (the event is cut off)
 * @param framePeak frame of the maximum p* (the first such frame on ties)
 * @param tStart time of frameStart (τ)
 * @param tEnd time of frameEnd (τ), NaN if the event is cut off
 * @param pStar p* = max p_hop within the event (σ²)
 * @param startObserved whether p_hop was defined (and ≤ p_L) in the frame before frameStart, so that
 *     t_start is the true opening and not just the first frame where p_hop is defined
 */
public record Event(int slot, long id, int type, int frameStart, int frameEnd, int framePeak,
                    double tStart, double tEnd, double pStar, boolean startObserved) {
    /** Whether the closing of the event was seen ({@code frameEnd ≥ 0}). */
    public boolean closed() { return frameEnd >= 0; }
}
