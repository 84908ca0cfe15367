package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.dynamics.ReducedUnits;
import org.softglass.core.dynamics.SelfDynamics;
import org.softglass.core.dynamics.StructureFactor;
import org.softglass.core.dynamics.TransitionRate;
import org.softglass.core.dynamics.Trajectory;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.space.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass fs TRAJ --out DIR --temperature T}: the self-intermediate scattering function
 * F_s(q_max, t), the MSD and τ_α (F_s = 0.2) of a LAMMPS trajectory (frames equally spaced, unwrapped
 * through image flags or xu columns), with q_max the first peak of S(q) of one particle type (paper
 * 004: the largest particles) unless {@code --q} is given. Times also in t0 = a0/√T, lengths in
 * a0 = (V/N)^⅓. The trajectory is checked by {@link TrajectoryStream}: the same particle ids, each with
 * its type, in every frame (a particle cannot be followed otherwise), increasing timesteps, unwrapped
 * positions. Writes {@code DIR/fs.csv} ({@code t,t_over_t0,fs,msd,msd_over_a0sq}), {@code DIR/sq.csv}
 * ({@code q,S,vectors}), {@code DIR/fs.json}, {@code DIR/fs.png}, {@code DIR/msd.png} and {@code DIR/manifest.json}.
 * With {@code --is-energy} (the {@code is_energy.csv} of {@code quench} or {@code simulate --inherent})
 * fs.json also holds the inherent-structure transition rate of Fig. 5 ({@link TransitionRate}).
 */
@Command(name = "fs", mixinStandardHelpOptions = true,
        description = {"Self-intermediate scattering function F_s(q_max,t), MSD and tau_alpha (F_s = 0.2) of a trajectory.",
                "Writes DIR/fs.csv, DIR/sq.csv, DIR/fs.json, DIR/fs.png, DIR/msd.png and DIR/manifest.json."})
final class FsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory, frames equally spaced: " + Formats.TRAJECTORY + ".")
    Path traj;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if missing).")
    Path outDir;

    @Option(names = "--temperature", required = true, paramLabel = "T", description = "Temperature of the run (for t0 = a0/sqrt(T)).")
    double temperature;

    @Option(names = "--timestep", defaultValue = "0.005", paramLabel = "DT", description = "MD time step: frame spacing = timestep difference x DT (default: ${DEFAULT-VALUE}).")
    double timestep;

    @Option(names = "--type", defaultValue = "1", paramLabel = "TYPE", description = "LAMMPS type used for S(q) and F_s (default: ${DEFAULT-VALUE}; 0 = all).")
    int type;

    @Option(names = "--q", paramLabel = "Q", description = "Wave number (default: first peak of S(q) above --q-min).")
    Double q;

    @Option(names = "--q-min", defaultValue = "2.0", paramLabel = "Q", description = "Search the S(q) peak above this q (default: ${DEFAULT-VALUE}).")
    double qMin;

    @Option(names = "--per-decade", defaultValue = "20", paramLabel = "N", description = "Lags per decade (default: ${DEFAULT-VALUE}).")
    int perDecade;

    @Option(names = "--is-energy", paramLabel = "CSV", description = "is_energy.csv of quench / simulate --inherent of this trajectory "
            + "(columns timestep or step, and u_is_per_atom; timesteps must be frames of TRAJ): also the inherent-structure transition rate (paper 004 Fig. 5).")
    Path isEnergy;

    @Option(names = "--is-threshold", defaultValue = "1e-8", paramLabel = "DU",
            description = "Per-atom IS energy change counted as a transition (default: ${DEFAULT-VALUE}).")
    double isThreshold;

    @Option(names = "--n0", defaultValue = "1000", paramLabel = "N0",
            description = "Reference size of the reduced transition rate Gamma t_ballistic N0/N (paper 004 sets N0 = 1000; default: ${DEFAULT-VALUE}).")
    int n0;

    @picocli.CommandLine.Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        OptionChecks.positive(temperature, "--temperature");
        if (q != null) OptionChecks.positive(q, "--q");
        OptionChecks.nonNegative(qMin, "--q-min");
        OptionChecks.atLeast(perDecade, 1, "--per-decade");
        OptionChecks.positive(isThreshold, "--is-threshold");
        if (n0 < 1) throw new IllegalArgumentException("--n0 must be >= 1, got " + n0);
        if (!(timestep > 0)) throw new IllegalArgumentException("--timestep must be > 0, got " + timestep);
        if (type < 0) throw new IllegalArgumentException("--type must be >= 0, got " + type);
        List<double[]> frames = new ArrayList<>();
        List<Long> steps = new ArrayList<>();
        Box box = null;
        int[] species = null;
        // F_s and the MSD follow each particle from frame to frame: the same ids (and types) in every frame,
        // increasing timesteps and unwrapped positions, checked as for p_hop (TrajectoryStream)
        try (TrajectoryStream ts = TrajectoryStream.open(traj, timestep, false)) {
            for (Frame next; (next = ts.next()) != null; ) {
                try (Frame f = next) {
                    if (box == null) {
                        box = f.box();
                        species = new int[f.size()];
                        for (int i = 0; i < f.size(); i++) species[i] = f.particles().species(i);
                    }
                    double[] x = new double[3 * f.size()];
                    TrajectoryStream.unwrapped(f, x);
                    frames.add(x);
                    steps.add(f.timestep());
                }
            }
            if (frames.size() < 2) throw ts.error("found " + frames.size() + " frame(s), expected at least 2");
            long spacing = steps.get(1) - steps.get(0);
            for (int k = 2; k < steps.size(); k++) {
                if (steps.get(k) - steps.get(k - 1) != spacing) {
                    throw ts.error(k, steps.get(k), (steps.get(k) - steps.get(k - 1)) + " timesteps since the previous frame, expected "
                            + spacing + " (the spacing of frames 0 and 1): F_s and the MSD need equally spaced frames");
                }
            }
        }
        long spacing = steps.get(1) - steps.get(0);
        Trajectory t = new Trajectory(box, species, spacing * timestep, frames.toArray(new double[0][]));
        int filter = type - 1;
        StructureFactor sq = StructureFactor.compute(t, filter, 10.0, 0.1, Math.max(1, (t.frames() + 4) / 5));
        double qUse = q != null ? q : sq.firstPeak(qMin);
        SelfDynamics sd = SelfDynamics.compute(t, qUse, filter, SelfDynamics.logLags(t.frames(), perDecade));
        double a0 = t.a0(), t0 = ReducedUnits.t0(a0, temperature);
        Double tau = null;
        String warn = null;
        try {
            tau = sd.relaxationTime(0.2);
        } catch (IllegalArgumentException e) {
            warn = e.getMessage();
        }
        TransitionRate rate = isEnergy == null ? null : transitionRate(t.size(), t0, steps.stream().mapToLong(Long::longValue).toArray());
        ElasticSupport.makeDir(outDir);
        StringBuilder c = new StringBuilder("t,t_over_t0,fs,msd,msd_over_a0sq\n");
        double[] tr = new double[sd.time().length], mr = new double[tr.length];
        for (int k = 0; k < tr.length; k++) {
            tr[k] = sd.time()[k] / t0;
            mr[k] = sd.msd()[k] / (a0 * a0);
            c.append(sd.time()[k]).append(',').append(tr[k]).append(',').append(sd.fs()[k]).append(',').append(sd.msd()[k]).append(',').append(mr[k]).append('\n');
        }
        StringBuilder s = new StringBuilder("q,S,vectors\n");
        for (int k = 0; k < sq.q().length; k++) s.append(sq.q()[k]).append(',').append(sq.s()[k]).append(',').append(sq.vectors()[k]).append('\n');
        Path fcsv = outDir.resolve("fs.csv"), scsv = outDir.resolve("sq.csv"), json = outDir.resolve("fs.json"),
                fpng = outDir.resolve("fs.png"), mpng = outDir.resolve("msd.png");
        Csv.writeText(fcsv, c);
        Csv.writeText(scsv, s);
        String js = "{\n  \"temperature\": " + temperature + ",\n  \"q\": " + qUse + ",\n  \"q_from_sq_peak\": " + (q == null) + ",\n  \"frame_dt\": "
                + t.dt() + ",\n  \"frames\": " + t.frames() + ",\n  \"a0\": " + a0 + ",\n  \"t0\": " + t0 + ",\n  \"tau_alpha\": " + tau
                + ",\n  \"tau_alpha_over_t0\": " + (tau == null ? null : tau / t0)
                + (rate == null ? "" : ",\n  \"is_transitions\": " + rate.transitions() + ",\n  \"is_transition_rate\": " + rate.rate()
                        + ",\n  \"is_transition_rate_reduced\": " + rate.reducedRate())
                + "\n}\n";
        Csv.writeText(json, js);
        Plot.xy("F_s(q = " + String.format("%.3f", qUse) + ", t), T = " + temperature, "t/t0", "F_s").logX().line("F_s", tr, sd.fs())
                .line("0.2", new double[] {tr[0], tr[tr.length - 1]}, new double[] {0.2, 0.2}).save(fpng);
        Plot.xy("MSD, T = " + temperature, "t/t0", "MSD/a0^2").logX().logY().line("MSD", tr, mr)
                .line("3 (t/t0)^2", tr, java.util.Arrays.stream(tr).map(x -> 3 * x * x).toArray()).save(mpng);
        new Manifest(Version.get(), "fs").param("temperature", temperature).param("timestep", timestep).param("type", type)
                .param("q", q).param("q_min", qMin).param("per_decade", perDecade).param("is_threshold", isThreshold).param("n0", n0).input(traj)
                .output(fcsv).output(scsv).output(json).output(fpng).output(mpng)
                .result("q", qUse).result("tau_alpha", tau).result("a0", a0).result("t0", t0).write(outDir.resolve("manifest.json"));
        if (warn != null) {
            System.err.println("softglass: warning: tau_alpha undefined: " + warn);
        }
        if (!run.quiet()) System.out.printf("fs: q = %.4f, tau_alpha = %s (t0 = %.4g)%n", qUse, tau, t0);
        return ExitCodes.OK;
    }

    /**
     * Transition rate from the IS energies of {@code --is-energy}: transitions where consecutive
     * per-atom energies differ by more than {@code --is-threshold}; reduced rate Γ t_ballistic N0/N with
     * t_ballistic = 0.1 t0 and N0 = {@code --n0} (paper 004 §IV, Fig. 5: "We set N0 = 1000": the transitions a
     * 1000-particle system makes per ballistic time). The file is a companion of the trajectory (N and t0 come from it):
     * its timestep column ({@code timestep} as {@code quench} writes it, or {@code step} as
     * {@code simulate --inherent} does) must hold increasing, equally spaced timesteps that are frames of
     * TRAJ (both commands quench the dumped frames), and every energy must be finite.
     *
     * @param steps the trajectory's timesteps, increasing
     */
    private TransitionRate transitionRate(int n, double t0, long[] steps) throws IOException {
        String src = isEnergy.toString();
        List<String> lines = Csv.readLines(isEnergy);
        if (lines.isEmpty()) throw new InputFormatException(src, 1, "empty file, expected a header with timestep (or step) and u_is_per_atom");
        List<String> head = java.util.Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
        int it = head.indexOf("timestep") >= 0 ? head.indexOf("timestep") : head.indexOf("step"), iu = head.indexOf("u_is_per_atom");
        if (it < 0 || iu < 0) throw new InputFormatException(src, 1, "found '" + lines.get(0) + "', expected columns timestep (or step) and u_is_per_atom");
        List<long[]> at = new ArrayList<>();    // {timestep, line}
        List<Double> u = new ArrayList<>();
        for (int k = 1; k < lines.size(); k++) {
            if (lines.get(k).isBlank()) continue;
            String[] p = lines.get(k).split(",");
            long step;
            double v;
            try {
                step = Long.parseLong(p[it].strip());
                v = Double.parseDouble(p[iu].strip());
            } catch (RuntimeException e) {
                throw new InputFormatException(src, k + 1, "found '" + lines.get(k) + "', expected an integer timestep and a number u_is_per_atom");
            }
            if (!Double.isFinite(v)) throw new InputFormatException(src, k + 1, "u_is_per_atom is " + p[iu].strip() + ", expected a finite energy");
            if (java.util.Arrays.binarySearch(steps, step) < 0) {
                throw new InputFormatException(src, k + 1, "timestep " + step + " is not a frame of " + traj + " (timesteps " + steps[0] + ".."
                        + steps[steps.length - 1] + "), expected the inherent structures of this trajectory's frames");
            }
            at.add(new long[] {step, k + 1});
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
        return TransitionRate.of(e, spacing * timestep, isThreshold * n, n, n0, t0);
    }
}
