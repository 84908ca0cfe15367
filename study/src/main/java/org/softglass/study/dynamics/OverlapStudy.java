package org.softglass.study.dynamics;

import org.softglass.core.util.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.softglass.core.dynamics.InherentOverlap;
import org.softglass.core.dynamics.Trajectory;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.TrajectoryStream;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.Species;
import org.softglass.study.StudyContext;

/**
 * The inherent-state overlap Q(t), χ4(t) = N Var Q, the four-point structure factor S4(q, t) at τ_χ with its
 * Ornstein–Zernike ξ4, and the block χ4 of an MD inherent-structure trajectory ({@link InherentOverlap}; {@code 002}
 * §VII A eqs 31–34 and App. H, DESIGN §7b): the MD curves the TRSP and trap models are compared with (not the p_hop
 * persistence, {@link PersistenceStudy}). Writes {@code DIR/overlap.csv} (t,Q,chi4,Q_err,origins,lag_frames; first row
 * t = 0, Q = 1), {@code DIR/overlap.json} ({@code softglass.overlap/1}), {@code DIR/s4.csv} (m,q,S4,S4_oz),
 * {@code DIR/blocks.csv} (divisions,ell,per_block,t,chi4), {@code DIR/overlap.png} and {@code DIR/manifest.json}.
 */
public final class OverlapStudy {
    private OverlapStudy() {}

    /**
     * @param trajectory   inherent structures, frames equally spaced, the same ids in every frame
     * @param a            the displacement threshold a (σ): I_i = 1 while |r_i^IS(t0+t') − r_i^IS(t0)| &lt; a for all t' ≤ t
     * @param species      the particles counted
     * @param timestep     the MD time step (τ): frame spacing = timestep difference × timestep
     * @param perDecade    log-spaced lags per decade (lag 0 always included)
     * @param maxLag       the largest lag in frames, or null: frames − 1
     * @param originStride time origins every this many frames
     * @param nq           wave numbers q = 2πm/L, m = 1..nq along each axis, for S4 (0: no S4)
     * @param minBlock     the smallest sub-box side (σ) of the block χ4
     */
    public record Request(Path trajectory, double a, Species species, double timestep, int perDecade, Integer maxLag, int originStride,
                          int nq, double minBlock) {
        public Request {
            Checks.positive(a, "a");
            Checks.positive(timestep, "timestep");
            Checks.atLeast(perDecade, 1, "perDecade");
            Checks.atLeast(originStride, 1, "originStride");
            Checks.atLeast(nq, 0, "nq");
            Checks.positive(minBlock, "minBlock");
            if (maxLag != null) Checks.atLeast(maxLag, 1, "maxLag");
        }

        /** The defaults of the command line: a = {@link InherentOverlap#DEFAULT_THRESHOLD}, 10 lags per decade, every origin, nq = 4, blocks down to 2 σ. */
        public static Request of(Path trajectory, Species species, double timestep) {
            return new Request(trajectory, InherentOverlap.DEFAULT_THRESHOLD, species, timestep, 10, null, 1, 4, 2.0);
        }

        /** This request with time origins every {@code stride} frames. */
        public Request withOriginStride(int stride) {
            return new Request(trajectory, a, species, timestep, perDecade, maxLag, stride, nq, minBlock);
        }
    }

    /**
     * @param overlap      Q, χ4, S4 and the blocks
     * @param lags         the lags in frames
     * @param maxLagFrames the largest lag asked for (frames)
     */
    public record Result(InherentOverlap.Result overlap, Species species, int[] lags, int maxLagFrames) {
        /**
         * A warning when the χ4 maximum sits at the edge of the lag grid (τ_χ and χ4* are bounds, not a resolved
         * peak), else null; overlap.json says it too ({@code tau_chi_resolved}).
         */
        public String warning() {
            if (overlap.peakResolved() || !Double.isFinite(overlap.tauChi())) return null;
            return "the chi4 maximum is at the edge of the lag grid (t = " + Format.g4(overlap.tauChi()) + "): tau_chi and chi4* are bounds, not a resolved peak (frames "
                    + Format.g4(overlap.frameSpacing()) + " tau apart)";
        }
    }

    /** Computes the overlap of {@code req}'s trajectory and writes it into {@code out} (created if needed). */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        Species sp = req.species();
        Trajectory t = read(req);
        if (sp != Species.ALL) {
            boolean any = false;
            for (int s : t.species()) any |= s == sp.index();
            if (!any) throw new InvalidParameter("{species} " + sp.label() + ": no particle of type " + sp.lammpsType() + " in " + req.trajectory());
        }
        int longest = req.maxLag() != null ? Math.min(req.maxLag(), t.frames() - 1) : t.frames() - 1;
        int[] lags = InherentOverlap.logLags(longest, req.perDecade());
        int[] div = InherentOverlap.divisions(t.box(), req.minBlock());
        InherentOverlap.Result r;
        try (Parallel par = new Parallel(ctx.threads())) {
            r = InherentOverlap.compute(t, new InherentOverlap.Options(req.a(), sp.index(), lags, req.originStride(), req.nq(), div, null,
                    InherentOverlap.DEFAULT_JACKKNIFE), par);
        }
        Result res = new Result(r, sp, lags, longest);
        write(req, res, out, ctx);
        return res;
    }

    private static void write(Request req, Result res, Path out, StudyContext ctx) throws IOException {
        InherentOverlap.Result r = res.overlap();
        int[] lags = res.lags();
        String sp = res.species().label();
        Files.createDirectories(out);
        Path csv = out.resolve("overlap.csv"), json = out.resolve("overlap.json"), s4csv = out.resolve("s4.csv"),
                bcsv = out.resolve("blocks.csv"), png = out.resolve("overlap.png");
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < lags.length; j++) rows.add(new Object[] {r.times()[j], r.q()[j], r.chi4()[j], r.qErr()[j], r.origins()[j], lags[j]});
        CsvRows.write(csv, "t,Q,chi4,Q_err,origins,lag_frames", rows);
        List<Object[]> srows = new ArrayList<>();
        InherentOverlap.S4 s4 = r.s4();
        if (s4 != null) {
            for (int m = 0; m < s4.q().length; m++) {
                double qq = s4.q()[m], oz = s4.s4Zero() / (1 + qq * qq * s4.xi4() * s4.xi4());
                srows.add(new Object[] {m + 1, qq, s4.s4()[m], oz});
            }
        }
        CsvRows.write(s4csv, "m,q,S4,S4_oz", srows);
        List<Object[]> brows = new ArrayList<>();
        List<Map<String, Object>> bjson = new ArrayList<>();
        for (InherentOverlap.Block b : r.blocks()) {
            for (int j = 0; j < lags.length; j++) brows.add(new Object[] {b.divisions(), b.side(), b.perBlock(), r.times()[j], b.chi4()[j]});
            bjson.add(JsonFile.map("divisions", b.divisions(), "ell", b.side(), "per_block", b.perBlock(),
                    "tau_chi", JsonFile.finite(b.tauChi()), "chi4_star", JsonFile.finite(b.chi4Star())));
        }
        CsvRows.write(bcsv, "divisions,ell,per_block,t,chi4", brows);
        JsonFile.write(json, JsonFile.map("schema", "softglass.overlap/1",
                "quantity", "inherent-state overlap (002 eqs 31-34): I_i = 1 while |r_i^IS(t0+t') - r_i^IS(t0)| < a for all t' <= t",
                "a", req.a(), "a_default", InherentOverlap.DEFAULT_THRESHOLD, "species", sp, "N", r.particles(), "frames", r.frames(),
                "frame_spacing", r.frameSpacing(), "origin_stride", req.originStride(), "max_lag_frames", lags[lags.length - 1],
                "images", "minimum-image path through consecutive frames",
                "tau_Q", JsonFile.finite(r.tauQ()), "tau_Q_err", JsonFile.finite(r.tauQErr()), "tau_chi", JsonFile.finite(r.tauChi()),
                "chi4_star", JsonFile.finite(r.chi4Star()), "chi4_star_err", JsonFile.finite(r.chi4StarErr()), "jackknife_blocks", InherentOverlap.DEFAULT_JACKKNIFE,
                "tau_chi_resolved", r.peakResolved(),
                "s4_lag_frames", s4 == null ? null : s4.lag(), "s4_t", s4 == null ? null : s4.time(),
                "s4_origins", s4 == null ? null : s4.origins(),
                "xi4", s4 == null ? null : JsonFile.finite(s4.xi4()), "xi4_err", s4 == null ? null : JsonFile.finite(s4.xi4Err()),
                "S4_0", s4 == null ? null : JsonFile.finite(s4.s4Zero()), "blocks", bjson,
                "input", req.trajectory().toString()));
        OverlapPlot.of("Inherent-state overlap (a = " + r.threshold() + ", species " + sp + ", N = " + r.particles() + ")", r.times(), r.q(), r.qErr(),
                r.chi4(), r.chi4Star()).save(png);
        new Manifest(ctx.version(), "overlap").param("a", req.a()).param("species", sp).param("timestep", req.timestep())
                .param("per_decade", req.perDecade()).param("max_lag_frames", res.maxLagFrames()).param("origin_stride", req.originStride())
                .param("nq", req.nq()).param("min_block", req.minBlock()).param("threads", ctx.threads())
                .input(req.trajectory()).output(csv).output(json).output(s4csv).output(bcsv).output(png)
                .result("particles", r.particles()).result("frames", r.frames()).result("frame_spacing", r.frameSpacing())
                .result("tau_Q", JsonFile.finite(r.tauQ())).result("tau_chi", JsonFile.finite(r.tauChi())).result("chi4_star", JsonFile.finite(r.chi4Star()))
                .result("xi4", s4 == null ? null : JsonFile.finite(s4.xi4()))
                .write(out.resolve("manifest.json"));
    }

    /** Reads the IS trajectory: same ids and types in every frame, equally spaced timesteps, wrapped or unwrapped. */
    private static Trajectory read(Request req) throws IOException {
        try (TrajectoryStream ts = TrajectoryStream.open(req.trajectory(), req.timestep(), true).requireUnwrapped(false)) {
            FrameLoad f = FrameLoad.read(ts, 2, " for a lag");
            return f.trajectory(ts.frameSpacing());
        }
    }

}
