package org.softglass.study.dynamics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.softglass.core.dynamics.BlockRelaxationTime;
import org.softglass.core.dynamics.ReducedUnits;
import org.softglass.core.dynamics.SelfDynamics;
import org.softglass.core.dynamics.StructureFactor;
import org.softglass.core.dynamics.TransitionRate;
import org.softglass.core.dynamics.Trajectory;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.StudyContext;

/**
 * The self-intermediate scattering function F_s(q, t), the MSD and τ_α (F_s = 0.2) of a trajectory (frames equally
 * spaced, unwrapped through image flags or xu columns), with q the first peak of S(q) of one particle type (paper 004:
 * the largest particles) unless given. Times also in t0 = a0/√T, lengths in a0 = (V/N)^⅓. The trajectory is checked
 * by {@link TrajectoryStream}: the same particle ids, each with its type, in every frame, increasing timesteps, unwrapped
 * positions. Writes {@code DIR/fs.csv} ({@code t,t_over_t0,fs,msd,msd_over_a0sq}), {@code DIR/sq.csv}
 * ({@code q,S,vectors}), {@code DIR/fs.json}, {@code DIR/fs.png}, {@code DIR/msd.png} and {@code DIR/manifest.json}.
 * With the inherent-structure energies of the same frames, fs.json also holds the transition rate of 004 Fig. 5
 * ({@link TransitionRate}).
 */
public final class SelfDynamicsStudy {
    private SelfDynamicsStudy() {}

    /**
     * @param trajectory  frames equally spaced
     * @param temperature the run's temperature (for t0 = a0/√T)
     * @param timestep    the MD time step (τ): frame spacing = timestep difference × timestep
     * @param type        the LAMMPS type used for S(q) and F_s, 0 for all
     * @param q           the wave number, or null: the first peak of S(q) above {@code qMin}
     * @param qMin        where the S(q) peak search starts
     * @param perDecade   lags per decade
     * @param isEnergy    the is_energy.csv of these frames (columns timestep or step, and u_is_per_atom), or null
     * @param isThreshold the per-atom IS energy change counted as a transition
     * @param n0          the reference size of the reduced transition rate Γ t_ballistic N0/N (004 sets N0 = 1000)
     */
    public record Request(Path trajectory, double temperature, double timestep, int type, Double q, double qMin, int perDecade, Path isEnergy,
                          double isThreshold, int n0) {
        public Request {
            Checks.positive(temperature, "temperature");
            if (q != null) Checks.positive(q, "q");
            Checks.nonNegative(qMin, "qMin");
            Checks.atLeast(perDecade, 1, "perDecade");
            Checks.positive(isThreshold, "isThreshold");
            Checks.atLeast(n0, 1, "n0");
            if (!(timestep > 0)) throw new InvalidParameter("{timestep} must be > 0, got " + timestep);
            Checks.atLeast(type, 0, "type");
        }

        /** The command line's defaults: type 1, the S(q) peak above q = 2, 20 lags per decade, no IS energies. */
        public static Request of(Path trajectory, double temperature, double timestep) {
            return new Request(trajectory, temperature, timestep, 1, null, 2.0, 20, null, 1e-8, 1000);
        }
    }

    /**
     * @param q        the wave number used
     * @param tauAlpha τ_α (F_s = 0.2), or null when F_s does not cross 0.2 ({@link #warning} says why)
     * @param warning  why τ_α is undefined, or null
     * @param rate     the IS transition rate, or null without IS energies
     */
    public record Result(SelfDynamics dynamics, StructureFactor sq, double q, Double tauAlpha, String warning, double a0, double t0,
                         TransitionRate rate) {}

    /** Computes F_s, the MSD and τ_α of {@code req}'s trajectory and writes them into {@code out} (created if needed). */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        FrameLoad load = load(req);
        long[] steps = load.steps();
        Trajectory t = load.trajectory((steps[1] - steps[0]) * req.timestep());
        int filter = req.type() - 1;
        StructureFactor sq = StructureFactor.compute(t, filter, 10.0, 0.1, Math.max(1, (t.frames() + 4) / 5));
        double qUse = req.q() != null ? req.q() : sq.firstPeak(req.qMin());
        SelfDynamics sd = SelfDynamics.compute(t, qUse, filter, SelfDynamics.logLags(t.frames(), req.perDecade()));
        double a0 = t.a0(), t0 = ReducedUnits.t0(a0, req.temperature());
        Double tau = null;
        String warn = null;
        try {
            tau = sd.relaxationTime(0.2);
        } catch (IllegalArgumentException e) {
            warn = e.getMessage();
        }
        TransitionRate rate = req.isEnergy() == null ? null : transitionRate(req, t.size(), t0, steps);
        Result res = new Result(sd, sq, qUse, tau, warn, a0, t0, rate);
        write(req, res, t, out, ctx);
        return res;
    }

    /**
     * The statistical error of τ_α by time blocks ({@link BlockRelaxationTime}: F_s and τ_α (F_s = 0.2) in each of
     * {@code blocks} consecutive parts of {@code req}'s trajectory alone, their standard error) at wave number {@code q},
     * for {@code req}'s type and lags per decade; the trajectory is read and checked as by {@link #run}.
     */
    public static BlockRelaxationTime blocks(Request req, double q, int blocks) throws IOException {
        Checks.positive(q, "q");
        Checks.atLeast(blocks, 1, "blocks");
        FrameLoad load = load(req);
        long[] steps = load.steps();
        return BlockRelaxationTime.of(load.trajectory((steps[1] - steps[0]) * req.timestep()), q, req.type() - 1, req.perDecade(), blocks, 0.2);
    }

    /**
     * The frames of {@code req}'s trajectory in memory. F_s and the MSD follow each particle
     * from frame to frame: the same ids (and types) in every frame, increasing and equally spaced timesteps, unwrapped
     * positions, checked as for p_hop ({@link TrajectoryStream}).
     */
    private static FrameLoad load(Request req) throws IOException {
        FrameLoad load;
        try (TrajectoryStream ts = TrajectoryStream.open(req.trajectory(), req.timestep(), false)) {
            load = FrameLoad.read(ts, 2, "");
            long[] steps = load.steps();
            long spacing = steps[1] - steps[0];
            for (int k = 2; k < steps.length; k++) {
                if (steps[k] - steps[k - 1] != spacing) {
                    throw ts.error(k, steps[k], (steps[k] - steps[k - 1]) + " timesteps since the previous frame, expected "
                            + spacing + " (the spacing of frames 0 and 1): F_s and the MSD need equally spaced frames");
                }
            }
        }
        return load;
    }

    private static void write(Request req, Result res, Trajectory t, Path out, StudyContext ctx) throws IOException {
        SelfDynamics sd = res.dynamics();
        StructureFactor sq = res.sq();
        double a0 = res.a0(), t0 = res.t0(), qUse = res.q();
        Files.createDirectories(out);
        List<Object[]> fsRows = new ArrayList<>();
        double[] tr = new double[sd.time().length], mr = new double[tr.length];
        for (int k = 0; k < tr.length; k++) {
            tr[k] = sd.time()[k] / t0;
            mr[k] = sd.msd()[k] / (a0 * a0);
            fsRows.add(new Object[] {sd.time()[k], tr[k], sd.fs()[k], sd.msd()[k], mr[k]});
        }
        List<Object[]> sqRows = new ArrayList<>();
        for (int k = 0; k < sq.q().length; k++) sqRows.add(new Object[] {sq.q()[k], sq.s()[k], sq.vectors()[k]});
        Path fcsv = out.resolve("fs.csv"), scsv = out.resolve("sq.csv"), json = out.resolve("fs.json"),
                fpng = out.resolve("fs.png"), mpng = out.resolve("msd.png");
        CsvRows.write(fcsv, "t,t_over_t0,fs,msd,msd_over_a0sq", fsRows);
        CsvRows.write(scsv, "q,S,vectors", sqRows);
        Double tau = res.tauAlpha();
        var js = JsonFile.map("temperature", req.temperature(), "q", qUse, "q_from_sq_peak", req.q() == null, "frame_dt", t.dt(),
                "frames", t.frames(), "a0", a0, "t0", t0, "tau_alpha", tau, "tau_alpha_over_t0", tau == null ? null : tau / t0);
        if (res.rate() != null) {
            js.put("is_transitions", res.rate().transitions());
            js.put("is_transition_rate", res.rate().rate());
            js.put("is_transition_rate_reduced", res.rate().reducedRate());
        }
        JsonFile.write(json, js);
        Plot.xy("F_s(q = " + String.format(Locale.ROOT, "%.3f", qUse) + ", t), T = " + req.temperature(), "t/t0", "F_s").logX().line("F_s", tr, sd.fs())
                .line("0.2", new double[] {tr[0], tr[tr.length - 1]}, new double[] {0.2, 0.2}).save(fpng);
        Plot.xy("MSD, T = " + req.temperature(), "t/t0", "MSD/a0^2").logX().logY().line("MSD", tr, mr)
                .line("3 (t/t0)^2", tr, Arrays.stream(tr).map(x -> 3 * x * x).toArray()).save(mpng);
        new Manifest(ctx.version(), "fs").param("temperature", req.temperature()).param("timestep", req.timestep()).param("type", req.type())
                .param("q", req.q()).param("q_min", req.qMin()).param("per_decade", req.perDecade()).param("is_threshold", req.isThreshold())
                .param("n0", req.n0()).input(req.trajectory())
                .output(fcsv).output(scsv).output(json).output(fpng).output(mpng)
                .result("q", qUse).result("tau_alpha", tau).result("a0", a0).result("t0", t0).write(out.resolve("manifest.json"));
    }

    /**
     * The transition rate from the IS energies: transitions where consecutive per-atom energies differ by more than the
     * threshold; reduced rate Γ t_ballistic N0/N with t_ballistic = 0.1 t0 (paper 004 §IV, Fig. 5: "We set N0 = 1000":
     * the transitions a 1000-particle system makes per ballistic time). The file is a companion of the trajectory (N and
     * t0 come from it): its timestep column ({@code timestep} as {@code quench} writes it, or {@code step} as
     * {@code simulate --inherent} does) must hold increasing, equally spaced timesteps that are frames of the
     * trajectory, and every energy must be finite.
     *
     * @param steps the trajectory's timesteps, increasing
     */
    private static TransitionRate transitionRate(Request req, int n, double t0, long[] steps) throws IOException {
        String src = req.isEnergy().toString();
        CsvRows.Table t = CsvRows.readTable(req.isEnergy());
        int it = t.column("timestep", "step"), iu = t.column("u_is_per_atom");
        if (it < 0 || iu < 0) {
            throw new InputFormatException(src, 1, "found '" + String.join(",", t.header()) + "', expected columns timestep (or step) and u_is_per_atom");
        }
        List<long[]> at = new ArrayList<>();    // {timestep, line}
        List<Double> u = new ArrayList<>();
        for (int k = 0; k < t.rows().size(); k++) {
            String[] p = t.rows().get(k);
            long step;
            double v;
            try {
                step = Long.parseLong(p[it]);
                v = Double.parseDouble(p[iu]);
            } catch (RuntimeException e) {
                throw t.error(k, "found '" + String.join(",", p) + "', expected an integer timestep and a number u_is_per_atom");
            }
            if (!Double.isFinite(v)) throw t.error(k, "u_is_per_atom is " + p[iu] + ", expected a finite energy");
            if (Arrays.binarySearch(steps, step) < 0) {
                throw t.error(k, "timestep " + step + " is not a frame of " + req.trajectory() + " (timesteps " + steps[0] + ".."
                        + steps[steps.length - 1] + "), expected the inherent structures of this trajectory's frames");
            }
            at.add(new long[] {step, t.lines()[k]});
            u.add(v);
        }
        if (at.size() < 2) throw new InputFormatException(src, -1, "found " + at.size() + " inherent structure(s), expected at least 2");
        long spacing = at.get(1)[0] - at.get(0)[0];
        double[] e = new double[at.size()];
        for (int k = 0; k < e.length; k++) {
            e[k] = u.get(k) * n;
            if (k > 0 && (at.get(k)[0] - at.get(k - 1)[0] != spacing || spacing <= 0)) {
                throw new InputFormatException(src, at.get(k)[1], "timestep " + at.get(k)[0] + " follows " + at.get(k - 1)[0]
                        + ", expected increasing timesteps " + spacing + " apart (the spacing of the first two)");
            }
        }
        return TransitionRate.of(e, req.timestep() * spacing, req.isThreshold() * n, n, req.n0(), t0);
    }
}
