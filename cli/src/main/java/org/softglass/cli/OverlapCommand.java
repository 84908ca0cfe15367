package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.core.dynamics.Trajectory;
import org.softglass.core.io.Frame;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.space.Box;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass overlap IS_TRAJ --out DIR}: the inherent-state overlap Q(t), χ4(t) = N Var Q, the
 * four-point structure factor S4(q, t) at τ_χ with its Ornstein–Zernike ξ4, and the block χ4 of an MD
 * inherent-structure trajectory ({@link InherentOverlap}; {@code 002} §VII A eqs 31–34 and App. H, DESIGN §7b):
 * the MD curves the TRSP and trap models are compared with. Not the p_hop persistence ({@code softglass persistence}).
 * Writes {@code DIR/overlap.csv} (t,Q,chi4,Q_err,origins,lag_frames; first row t = 0, Q = 1),
 * {@code DIR/overlap.json}, {@code DIR/s4.csv} (m,q,S4,S4_oz), {@code DIR/blocks.csv}
 * (divisions,ell,per_block,t,chi4), {@code DIR/overlap.png} and {@code DIR/manifest.json}.
 */
@Command(name = "overlap", mixinStandardHelpOptions = true,
        description = {"Inherent-state overlap Q(t), chi4(t) = N Var Q, S4(q, tau_chi) with the Ornstein-Zernike xi4, and block chi4 of an IS trajectory.",
                "I_i(t0,t) = 1 while |r_i^IS(t0+t') - r_i^IS(t0)| < a for all t' <= t (so Q(0) = 1); displacements follow each particle from frame",
                "to frame by the minimum image, so wrapped and unwrapped dumps give the same result. Origins every --origin-stride frames.",
                "Writes DIR/overlap.csv (t,Q,chi4,Q_err,origins,lag_frames), DIR/overlap.json, DIR/s4.csv (m,q,S4,S4_oz),",
                "DIR/blocks.csv (divisions,ell,per_block,t,chi4), DIR/overlap.png and DIR/manifest.json."})
final class OverlapCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IS_TRAJ", description = "Inherent structures (md/T…/is.dump), frames equally spaced, the same ids in every frame: " + Formats.TRAJECTORY + ".")
    Path traj;

    @Option(names = "--a", paramLabel = "A", defaultValue = "0.3",
            description = "Displacement threshold a (sigma) (default: ${DEFAULT-VALUE}, the KA overlap threshold of the chi4 literature, about the cage size; "
                    + "see InherentOverlap.DEFAULT_THRESHOLD).")
    double a;

    @Option(names = "--species", paramLabel = "A|B|all", defaultValue = "A", description = "Particles counted: A (type 1), B (type 2) or all (default: ${DEFAULT-VALUE}, as the papers).")
    String species;

    @Option(names = {"--timestep", "--dt"}, paramLabel = "DT", defaultValue = "0.005", description = "MD time step: frame spacing = timestep difference x DT (default: ${DEFAULT-VALUE}).")
    double timestep;

    @Option(names = "--per-decade", paramLabel = "N", defaultValue = "10", description = "Log-spaced lags per decade (default: ${DEFAULT-VALUE}); lag 0 is always included.")
    int perDecade;

    @Option(names = "--max-lag", paramLabel = "FRAMES", description = "Largest lag in frames (default: frames - 1).")
    Integer maxLag;

    @Option(names = "--origin-stride", paramLabel = "FRAMES", defaultValue = "1", description = "Time origins every this many frames (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--nq", paramLabel = "M", defaultValue = "4", description = "Wave numbers q = 2 pi m / L, m = 1..M along each axis, for S4 (default: ${DEFAULT-VALUE}; 0: no S4).")
    int nq;

    @Option(names = "--min-block", paramLabel = "ELL", defaultValue = "2.0", description = "Smallest sub-box side (sigma) of the block chi4: boxes L/m for m = 1, 2, … while L/m >= ELL (default: ${DEFAULT-VALUE}).")
    double minBlock;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if needed).")
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        int nt = run.threads();
        OptionChecks.positive(a, "--a");
        OptionChecks.positive(timestep, "--timestep");
        OptionChecks.atLeast(perDecade, 1, "--per-decade");
        OptionChecks.atLeast(stride, 1, "--origin-stride");
        OptionChecks.atLeast(nq, 0, "--nq");
        OptionChecks.positive(minBlock, "--min-block");
        if (maxLag != null) OptionChecks.atLeast(maxLag, 1, "--max-lag");
        int type = OptionChecks.speciesType(species, "--species");
        String sp = type == 0 ? "all" : type == 1 ? "A" : "B";
        Trajectory t = read();
        if (type != 0) {
            boolean any = false;
            for (int s : t.species()) any |= s == type - 1;
            if (!any) throw new IllegalArgumentException("--species " + sp + ": no particle of type " + type + " in " + traj);
        }
        int longest = maxLag != null ? Math.min(maxLag, t.frames() - 1) : t.frames() - 1;
        int[] lags = InherentOverlap.logLags(longest, perDecade);
        int[] div = InherentOverlap.divisions(t.box(), minBlock);
        InherentOverlap.Result r;
        try (Parallel par = new Parallel(nt)) {
            r = InherentOverlap.compute(t, new InherentOverlap.Options(a, type - 1, lags, stride, nq, div, null,
                    InherentOverlap.DEFAULT_JACKKNIFE), par);
        }
        Files.createDirectories(out);
        Path csv = out.resolve("overlap.csv"), json = out.resolve("overlap.json"), s4csv = out.resolve("s4.csv"),
                bcsv = out.resolve("blocks.csv"), png = out.resolve("overlap.png");
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < lags.length; j++) rows.add(new Object[] {r.times()[j], r.q()[j], r.chi4()[j], r.qErr()[j], r.origins()[j], lags[j]});
        Csv.write(csv, "t,Q,chi4,Q_err,origins,lag_frames", rows);
        List<Object[]> srows = new ArrayList<>();
        InherentOverlap.S4 s4 = r.s4();
        if (s4 != null) {
            for (int m = 0; m < s4.q().length; m++) {
                double qq = s4.q()[m], oz = s4.s4Zero() / (1 + qq * qq * s4.xi4() * s4.xi4());
                srows.add(new Object[] {m + 1, qq, s4.s4()[m], oz});
            }
        }
        Csv.write(s4csv, "m,q,S4,S4_oz", srows);
        List<Object[]> brows = new ArrayList<>();
        List<Map<String, Object>> bjson = new ArrayList<>();
        for (InherentOverlap.Block b : r.blocks()) {
            for (int j = 0; j < lags.length; j++) brows.add(new Object[] {b.divisions(), b.side(), b.perBlock(), r.times()[j], b.chi4()[j]});
            bjson.add(Csv.map("divisions", b.divisions(), "ell", b.side(), "per_block", b.perBlock(),
                    "tau_chi", finite(b.tauChi()), "chi4_star", finite(b.chi4Star())));
        }
        Csv.write(bcsv, "divisions,ell,per_block,t,chi4", brows);
        Csv.json(json, Csv.map("schema", "softglass.overlap/1",
                "quantity", "inherent-state overlap (002 eqs 31-34): I_i = 1 while |r_i^IS(t0+t') - r_i^IS(t0)| < a for all t' <= t",
                "a", a, "a_default", InherentOverlap.DEFAULT_THRESHOLD, "species", sp, "N", r.particles(), "frames", r.frames(),
                "frame_spacing", r.frameSpacing(), "origin_stride", stride, "max_lag_frames", lags[lags.length - 1],
                "images", "minimum-image path through consecutive frames",
                "tau_Q", finite(r.tauQ()), "tau_Q_err", finite(r.tauQErr()), "tau_chi", finite(r.tauChi()),
                "chi4_star", finite(r.chi4Star()), "chi4_star_err", finite(r.chi4StarErr()), "jackknife_blocks", InherentOverlap.DEFAULT_JACKKNIFE,
                "tau_chi_resolved", r.peakResolved(),
                "s4_lag_frames", s4 == null ? null : s4.lag(), "s4_t", s4 == null ? null : s4.time(),
                "s4_origins", s4 == null ? null : s4.origins(),
                "xi4", s4 == null ? null : finite(s4.xi4()), "xi4_err", s4 == null ? null : finite(s4.xi4Err()),
                "S4_0", s4 == null ? null : finite(s4.s4Zero()), "blocks", bjson,
                "input", traj.toString()));
        plot(r, sp).save(png);
        new Manifest(Version.get(), "overlap").param("a", a).param("species", sp).param("timestep", timestep).param("per_decade", perDecade)
                .param("max_lag_frames", longest).param("origin_stride", stride).param("nq", nq).param("min_block", minBlock).param("threads", nt)
                .input(traj).output(csv).output(json).output(s4csv).output(bcsv).output(png)
                .result("particles", r.particles()).result("frames", r.frames()).result("frame_spacing", r.frameSpacing())
                .result("tau_Q", finite(r.tauQ())).result("tau_chi", finite(r.tauChi())).result("chi4_star", finite(r.chi4Star()))
                .result("xi4", s4 == null ? null : finite(s4.xi4()))
                .write(out.resolve("manifest.json"));
        if (!r.peakResolved() && Double.isFinite(r.tauChi()) && !run.quiet()) {     // overlap.json says it too
            System.err.println("softglass: warning: the chi4 maximum is at the edge of the lag grid (t = " + Csv.fmt(r.tauChi())
                    + "): tau_chi and chi4* are bounds, not a resolved peak (frames " + Csv.fmt(r.frameSpacing()) + " tau apart)");
        }
        if (!run.quiet()) {
            System.out.println("overlap: N = " + r.particles() + " (" + sp + "), a = " + a + ", tau_Q = " + Csv.fmt(r.tauQ())
                    + ", tau_chi = " + Csv.fmt(r.tauChi()) + ", chi4* = " + Csv.fmt(r.chi4Star())
                    + ", xi4 = " + (s4 == null ? "-" : Csv.fmt(s4.xi4())) + " -> " + out);
        }
        return ExitCodes.OK;
    }

    /** Reads the IS trajectory: same ids and types in every frame, equally spaced timesteps. */
    private Trajectory read() throws IOException {
        List<double[]> frames = new ArrayList<>();
        Box box = null;
        int[] sp = null;
        double spacing;
        try (TrajectoryStream ts = TrajectoryStream.open(traj, timestep, true).requireUnwrapped(false)) {
            for (Frame next; (next = ts.next()) != null; ) {
                try (Frame f = next) {
                    if (box == null) {
                        box = f.box();
                        sp = new int[f.size()];
                        for (int i = 0; i < f.size(); i++) sp[i] = f.particles().species(i);
                    }
                    double[] x = new double[3 * f.size()];
                    TrajectoryStream.unwrapped(f, x);
                    frames.add(x);
                }
            }
            if (frames.size() < 2) throw ts.error("found " + frames.size() + " frame(s), expected at least 2 for a lag");
            spacing = ts.frameSpacing();
        }
        return new Trajectory(box, sp, spacing, frames.toArray(new double[0][]));
    }

    /** Q with its error bars and χ4/χ4* on one log-t axis ({@link OverlapPlot}). */
    private static Plot plot(InherentOverlap.Result r, String sp) {
        return OverlapPlot.of("Inherent-state overlap (a = " + r.threshold() + ", species " + sp + ", N = " + r.particles() + ")", r.times(), r.q(), r.qErr(), r.chi4(), r.chi4Star());
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
