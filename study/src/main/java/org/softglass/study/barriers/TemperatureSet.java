package org.softglass.study.barriers;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.barriers.BarrierAnalysis;
import org.softglass.core.barriers.PhopTable;
import org.softglass.core.io.TrajectoryRef;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.util.InvalidParameter;

/**
 * One temperature's inputs of the barriers and fluidity studies, as text {@code T=0.6:DIR:PHOP_DIR}
 * (DIR = a softness directory for barriers, a descriptor directory for fluidity; the first two ':'
 * after the temperature separate the paths, so the p_hop path may itself contain ':').
 */
public record TemperatureSet(double t, Path data, Path phop) {

    /**
     * A set from its text {@code T=TEMP:DIR:PHOP_DIR}.
     *
     * @throws InvalidParameter naming the parameter {@code set}
     */
    public static TemperatureSet parse(String spec) {
        String usage = "{set}: expected T=TEMP:DIR:PHOP_DIR, got '" + spec + "'";
        if (!spec.startsWith("T=")) throw new InvalidParameter(usage);
        String[] p = spec.substring(2).split(":", 3);
        if (p.length != 3 || p[1].isEmpty() || p[2].isEmpty()) throw new InvalidParameter(usage);
        double t;
        try {
            t = Double.parseDouble(p[0]);
        } catch (NumberFormatException e) {
            throw new InvalidParameter(usage);
        }
        if (!(t > 0) || !Double.isFinite(t)) throw new InvalidParameter("{set}: temperature must be > 0, got " + p[0]);
        return new TemperatureSet(t, Path.of(p[1]), Path.of(p[2]));
    }

    /** The set as text {@code T=TEMP:DIR:PHOP_DIR} (the temperature as Java writes it). */
    public String text() { return "T=" + t + ":" + data + ":" + phop; }

    /**
     * Refuses a set whose directories come from different trajectories (the rule of
     * {@link TrajectoryRef}): the trajectory recorded for DIR ({@code softness.json} or
     * {@code features.json}) must be the one PHOP_DIR's {@code phop.json} records. Frame timesteps and ids
     * agreeing is not enough: an inherent-structure trajectory and its thermal one share them.
     *
     * @param data the record of DIR; @param dataFile the file holding it; @param product "softness" or "descriptors"
     * @throws org.softglass.core.io.InputFormatException on a mismatch, or when either record is missing
     */
    public void requireSameTrajectory(TrajectoryRef data, Path dataFile, String product) throws IOException {
        data.requireSameAs(PhopFiles.trajectory(phop), dataFile.toString(), product, PhopFiles.json(phop).toString(), "p_hop");
    }

    /**
     * The samples of this temperature: value of each row, rearranging when p_hop at frame + lag exceeds
     * the threshold; rows whose p_hop is NaN (window outside the trajectory) get value NaN (skipped).
     * The samples carry particle blocks ({@link org.softglass.core.barriers.BlockScheme#particles()}) for the
     * block bootstrap of P(R|S) (DESIGN §7b); a caller with another scheme replaces them with
     * {@link BarrierAnalysis.Sample#withBlocks}.
     */
    public static BarrierAnalysis.Sample sample(double t, double[] values, long[][] rows, PhopTable ph, double threshold, int lag) {
        return sample(t, values, rows, phopAt(rows, ph, lag), threshold);
    }

    /**
     * p_hop at frame + lag of every row ({@code rows[i] = frame, slot, id}), NaN where the window leaves the
     * trajectory: what {@link #sample} looks up, for a caller that builds samples of several value sets (classifiers)
     * on the same rows and reads the p_hop table once.
     */
    public static double[] phopAt(long[][] rows, PhopTable ph, int lag) {
        double[] p = new double[rows.length];
        for (int i = 0; i < p.length; i++) p[i] = ph.at(rows[i][0], rows[i][1], rows[i][2], lag);
        return p;
    }

    /** {@link #sample(double, double[], long[][], PhopTable, double, int)} with p_hop already looked up ({@link #phopAt}). */
    public static BarrierAnalysis.Sample sample(double t, double[] values, long[][] rows, double[] phop, double threshold) {
        double[] v = values.clone();
        boolean[] r = new boolean[v.length];
        for (int i = 0; i < v.length; i++) {
            double p = phop[i];
            if (Double.isNaN(p)) v[i] = Double.NaN;
            else r[i] = p > threshold;
        }
        return new BarrierAnalysis.Sample(t, v, r).withBlocks(org.softglass.core.barriers.BlockScheme.particles().blocks(rows));
    }
}
