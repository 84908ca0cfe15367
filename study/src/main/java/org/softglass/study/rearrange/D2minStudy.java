package org.softglass.study.rearrange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.D2min;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The Falk–Langer non-affine displacement D²_min ({@link D2min}) of every particle between two frames of a trajectory
 * with unwrapped positions: neighbours within {@link Request#cutoff()} in the reference frame, the best affine map per
 * particle, D²_min = Σ over neighbours of the residual |d_ij(to) − J d_ij(from)|² (σ², not normalised; NaN with fewer
 * than 3 non-coplanar neighbours).
 *
 * <p>Writes {@code FILE.csv} atomically, columns {@link #HEADER}, one row per particle in the order of frame 0, and
 * {@code FILE.csv.manifest.json}.
 */
public final class D2minStudy {
    /** The CSV header. */
    public static final String HEADER = "id,type,d2min,neighbors";

    private D2minStudy() {}

    /**
     * @param trajectory a trajectory with unwrapped positions (image counts or unwrapped columns)
     * @param from       the reference frame (0-based index)
     * @param to         the current frame, &gt; from
     * @param cutoff     the neighbour cutoff in the reference frame (σ), &gt; 0
     * @param dt         the MD time step (τ), &gt; 0
     */
    public record Request(Path trajectory, int from, int to, double cutoff, double dt) {
        public Request {
            Checks.positive(cutoff, "cutoff");
            Checks.positive(dt, "dt");
            if (from < 0 || to <= from) throw new InvalidParameter("need 0 <= {from} < {to}, got {from} " + from + " {to} " + to);
        }
    }

    /**
     * @param csv       the CSV written
     * @param ids       particle ids, in the order of frame 0 (the CSV's rows)
     * @param types     LAMMPS types (1-based), same order
     * @param d2min     D²_min and neighbour counts, same order
     * @param defined   particles with a defined (not NaN) D²_min
     * @param mean      the mean of the defined values, or null when none is
     */
    public record Result(Path csv, long[] ids, int[] types, D2min.Result d2min, int defined, Double mean) {
        /** Particles per frame. */
        public int particles() { return ids.length; }
    }

    /** Computes D²_min of {@code req} into {@code out} (a CSV; its manifest beside it). */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        int nt = ctx.threads(), from = req.from(), to = req.to();
        Frame ref = null, cur = null;
        D2min.Result res;
        long[] ids;
        int[] types;
        try (TrajectoryStream ts = TrajectoryStream.open(req.trajectory(), req.dt(), false);
             Parallel par = new Parallel(nt); StudyContext.Meter bar = ctx.progress().start("d2min", to + 1, "frames")) {
            for (Frame f; (f = ts.next()) != null; ) {
                int k = ts.frameIndex();
                if (k == from) ref = f;
                else if (k == to) cur = f;
                else f.close();
                bar.stepTo(k + 1);
                if (k == to) break;
            }
            if (cur == null) {
                throw InputFormatException.naming(ts.source(), -1, "has " + ts.framesRead() + " frames, expected at least " + (to + 1) + " for {to} " + to);
            }
            res = D2min.compute(ref, cur, req.cutoff(), par);
            ids = ts.ids();
            types = ts.types();
        } finally {
            if (ref != null) ref.close();
            if (cur != null) cur.close();
        }
        double[] vals = res.d2min();
        int[] nb = res.neighbors();
        AtomicOutput.write(out, o -> {
            PrintWriter w = new PrintWriter(new BufferedWriter(new OutputStreamWriter(o, StandardCharsets.UTF_8), 1 << 16));
            w.println(HEADER);
            for (int i = 0; i < vals.length; i++) w.println(ids[i] + "," + types[i] + "," + vals[i] + "," + nb[i]);
            w.flush();
            if (w.checkError()) throw new IOException("error writing " + out);
        });
        double sum = 0;
        int defined = 0;
        for (double v : vals) if (!Double.isNaN(v)) { sum += v; defined++; }
        Double mean = defined == 0 ? null : sum / defined;
        new Manifest(ctx.version(), "d2min").param("from", from).param("to", to).param("cutoff", req.cutoff()).param("dt", req.dt())
                .param("threads", nt).input(req.trajectory()).output(out).result("particles", vals.length)
                .result("defined", defined).result("mean_d2min", mean)
                .write(Path.of(out + ".manifest.json"));
        return new Result(out, ids, types, res, defined, mean);
    }
}
