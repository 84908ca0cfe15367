package org.softglass.study.elastic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.softglass.core.elastic.Hessian;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.Frame;
import org.softglass.core.io.TrajectoryReader;

/** Shared pieces of the elastic studies and commands: frames by index, checked Hessians, histograms, mean and error. */
public final class ElasticSupport {
    private ElasticSupport() {}

    /**
     * Frame k (0-based) of a dump; the caller closes it.
     *
     * @throws IllegalArgumentException if the dump has fewer frames
     */
    public static Frame readFrame(Path dump, int k) throws IOException {
        try (TrajectoryReader r = TrajectoryReader.open(dump)) {
            int c = 0;
            for (Frame f; (f = r.next()) != null; c++) {
                if (c == k) return f;
                f.close();
            }
            throw new IllegalArgumentException(dump + ": frame " + k + " requested, the dump has " + c + " frame(s)");
        }
    }

    /** Creates the output directory if it is missing. */
    public static void makeDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) Files.createDirectories(dir);
    }

    /**
     * The Hessian of a frame, refused (ElasticException, exit 1) if the frame is not at a minimum
     * (fmax above the limit) or has rattlers; errors name the file and frame.
     */
    public static Hessian checkedHessian(Path file, int frame, Frame f, PairPotential pot, double fmaxLimit, int threads) {
        Hessian h;
        try {
            h = Hessian.assemble(f.particles(), f.box(), pot, threads);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": frame " + frame + ": " + e.getMessage());
        }
        try {
            h.requireMinimum(fmaxLimit);
            h.requireNoRattlers();
            return h;
        } catch (RuntimeException e) {
            h.close();
            throw new org.softglass.core.elastic.ElasticException(file + ": frame " + frame + ": " + e.getMessage());
        }
    }

    /** What {@link #forEachStructure} does with one structure. */
    @FunctionalInterface
    public interface StructureVisitor {
        /**
         * @param index the structure's index over all files, in order
         * @param f     the frame (closed after the call)
         * @param h     its checked Hessian (closed after the call)
         */
        void accept(int index, Frame f, Hessian h) throws IOException;
    }

    /**
     * Visits every frame of {@code dumps} in order with its Hessian ({@link #checkedHessian}: refused when a frame is not
     * at a minimum or has rattlers), stepping {@code progress} after each; returns how many structures were visited.
     */
    public static int forEachStructure(List<Path> dumps, PairPotential pot, double fmaxLimit, int threads,
                                       org.softglass.study.StudyContext.Meter progress, StructureVisitor visitor) throws IOException {
        int index = 0;
        for (Path dump : dumps) {
            try (TrajectoryReader reader = TrajectoryReader.open(dump)) {
                int k = 0;
                for (Frame next; (next = reader.next()) != null; k++, index++) {
                    try (Frame f = next; Hessian h = checkedHessian(dump, k, f, pot, fmaxLimit, threads)) {
                        visitor.accept(index, f, h);
                    }
                    progress.stepTo(index + 1);
                }
            }
        }
        return index;
    }

    /**
     * Histogram of v on logarithmic bins between the smallest and largest positive value, as a
     * probability density; returns {centres, density}.
     */
    public static double[][] logHistogram(double[] v, int bins) {
        double lo = Arrays.stream(v).filter(x -> x > 0).min().orElse(1), hi = Arrays.stream(v).max().orElse(1);
        if (!(hi > lo)) hi = lo * 1.0001;
        double a = Math.log(lo), b = Math.log(hi), w = (b - a) / bins;
        double[] c = new double[bins], d = new double[bins];
        int total = 0;
        for (double x : v) {
            if (!(x > 0)) continue;
            int k = Math.min(bins - 1, (int) ((Math.log(x) - a) / w));
            d[k]++;
            total++;
        }
        for (int k = 0; k < bins; k++) {
            double l = Math.exp(a + k * w), r = Math.exp(a + (k + 1) * w);
            c[k] = Math.sqrt(l * r);
            d[k] = d[k] / (total * (r - l));
        }
        return new double[][] {c, d};
    }

    /** Mean and standard error of the mean {mean, sem} (sem NaN for one value). */
    public static double[] meanSem(double[] v) {
        return new double[] {org.softglass.core.stats.Descriptive.mean(v), org.softglass.core.stats.Descriptive.standardError(v)};
    }
}
