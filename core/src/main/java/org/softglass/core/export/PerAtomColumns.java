package org.softglass.core.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.particles.ParticleStore;
import org.softglass.core.softness.SoftnessTable;

/**
 * Per-atom columns of one trajectory frame from a run's products, by slot of the frame's store:
 * <ul>
 *   <li>{@value #SOFTNESS}: the softness S of the particle in that frame ({@link SoftnessTable}: rows of
 *       (frame index, timestep, id)); NaN for particles without a softness row (B particles when only A
 *       centres were classified);</li>
 *   <li>{@value #PHOP}: p_hop of the particle in that frame (σ², {@link PhopTable}: frames × ids); NaN
 *       where the p_hop window did not fit (the first and last t_R/2 of the trajectory);</li>
 *   <li>{@value #D2MIN}: the particle's D²_min (σ², {@link D2minTable}) between the two frames given to
 *       {@code softglass d2min}, the same in every exported frame (it describes that one interval; export
 *       its {@code to} frame to see it where the particles ended); NaN for particles it has no row for;</li>
 *   <li>{@value #KAPPA}: the local dipole stiffness κ_i of the particle in that frame (ε/σ², {@link LocalKappaTable},
 *       paper 004 eq A4); NaN for particles in no sampled dipole and frames the stiffness run did not treat.</li>
 * </ul>
 * Frames are matched by index in the trajectory, and each product's recorded timestep of that frame must
 * equal the frame's: a product of another trajectory or a trajectory cut differently is refused (the
 * caller also checks the products' SHA-256 records against the trajectory file).
 *
 * <p>Immutable after construction; the softness rows are indexed once by frame (their row range).
 */
public final class PerAtomColumns {
    /** Column name of the softness. */
    public static final String SOFTNESS = "softness";
    /** Column name of p_hop. */
    public static final String PHOP = "p_hop";
    /** Column name of D²_min. */
    public static final String D2MIN = "d2min";
    /** Column name of the local dipole stiffness. */
    public static final String KAPPA = "kappa_local";

    private final PhopTable phop;
    private final SoftnessTable softness;
    private final D2minTable d2min;
    private final LocalKappaTable kappa;
    private final String phopSource, softnessSource;
    /** frame index → [first, end) of its softness rows (rows of one frame are contiguous, as written). */
    private final Map<Long, int[]> frameRows;

    /**
     * @param softness the softness rows, or null for no S column
     * @param softnessSource the softness directory (for messages)
     * @param phop the p_hop table, or null for no p_hop column
     */
    public PerAtomColumns(SoftnessTable softness, String softnessSource, PhopTable phop) {
        this(softness, softnessSource, phop, null);
    }

    /**
     * @param softness the softness rows, or null for no S column
     * @param softnessSource the softness directory (for messages)
     * @param phop the p_hop table, or null for no p_hop column
     * @param d2min the D²_min table, or null for no d2min column
     */
    public PerAtomColumns(SoftnessTable softness, String softnessSource, PhopTable phop, D2minTable d2min) {
        this(softness, softnessSource, phop, d2min, null);
    }

    /**
     * @param softness the softness rows, or null for no S column
     * @param softnessSource the softness directory (for messages)
     * @param phop the p_hop table, or null for no p_hop column
     * @param d2min the D²_min table, or null for no d2min column
     * @param kappa the local stiffness table, or null for no kappa_local column
     */
    public PerAtomColumns(SoftnessTable softness, String softnessSource, PhopTable phop, D2minTable d2min, LocalKappaTable kappa) {
        this.phop = phop;
        this.d2min = d2min;
        this.kappa = kappa;
        this.softness = softness;
        this.phopSource = phop == null ? null : phop.source();
        this.softnessSource = softnessSource;
        this.frameRows = new HashMap<>();
        if (softness != null) {
            long[][] rows = softness.rows();
            for (int i = 0; i < rows.length; i++) {
                int[] se = frameRows.get(rows[i][0]);
                if (se == null) {
                    frameRows.put(rows[i][0], new int[] {i, i + 1});
                } else if (se[1] == i && rows[se[0]][1] == rows[i][1]) {
                    se[1] = i + 1;
                } else {
                    throw new InputFormatException(softnessSource, -1, "row " + i + " (frame " + rows[i][0] + ", timestep " + rows[i][1]
                            + "): expected the rows of each frame together and with one timestep");
                }
            }
        }
    }

    /** The column names this instance fills, in order. */
    public java.util.List<String> names() {
        java.util.List<String> n = new java.util.ArrayList<>();
        if (softness != null) n.add(SOFTNESS);
        if (phop != null) n.add(PHOP);
        if (d2min != null) n.add(D2MIN);
        if (kappa != null) n.add(KAPPA);
        return n;
    }

    /**
     * The columns of frame {@code index} (0-based in the trajectory), by slot of {@code p}.
     *
     * @param index the frame's index in the trajectory
     * @param timestep the frame's timestep (must match the products' record of that frame)
     * @param p the frame's particles (ids read by slot)
     * @return column name → values (length N, by slot), in the order of {@link #names()}
     * @throws InputFormatException naming the product when it has no such frame or another timestep for it
     */
    public Map<String, double[]> of(int index, long timestep, ParticleStore p) {
        int n = p.size();
        Map<String, double[]> out = new LinkedHashMap<>();
        if (softness != null) {
            double[] s = new double[n];
            Arrays.fill(s, Double.NaN);
            int[] se = frameRows.get((long) index);
            if (se != null) {
                long[][] rows = softness.rows();
                if (rows[se[0]][1] != timestep) {
                    throw new InputFormatException(softnessSource, -1, "frame " + index + " has timestep " + rows[se[0]][1]
                            + " but the trajectory's frame " + index + " has timestep " + timestep + " (softness of another trajectory?)");
                }
                Map<Long, Integer> slotOfId = new HashMap<>(2 * n);
                for (int i = 0; i < n; i++) slotOfId.put(p.id(i), i);
                for (int r = se[0]; r < se[1]; r++) {
                    Integer slot = slotOfId.get(rows[r][2]);
                    if (slot == null) {
                        throw new InputFormatException(softnessSource, -1, "frame " + index + " has a softness row for id " + rows[r][2]
                                + ", which the trajectory's frame does not have");
                    }
                    s[slot] = softness.s()[r];
                }
            }
            out.put(SOFTNESS, s);
        }
        if (phop != null) {
            if (index >= phop.phop().length) {
                throw new InputFormatException(phopSource, -1, "has " + phop.phop().length + " frames; the trajectory has a frame " + index);
            }
            if (phop.timesteps()[index] != timestep) {
                throw new InputFormatException(phopSource, -1, "frame " + index + " has timestep " + phop.timesteps()[index]
                        + " but the trajectory's frame " + index + " has timestep " + timestep + " (p_hop of another trajectory?)");
            }
            double[] row = phop.phop()[index], v = new double[n];
            for (int i = 0; i < n; i++) {
                int c = phop.column(p.id(i));
                v[i] = c < 0 ? Double.NaN : row[c];
            }
            out.put(PHOP, v);
        }
        if (d2min != null) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = d2min.byId().getOrDefault(p.id(i), Double.NaN);
            out.put(D2MIN, v);
        }
        if (kappa != null) {
            Map<Long, Double> k = kappa.byFrame().getOrDefault(index, Map.of());
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = k.getOrDefault(p.id(i), Double.NaN);
            out.put(KAPPA, v);
        }
        return out;
    }
}
