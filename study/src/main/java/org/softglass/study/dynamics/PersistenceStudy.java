package org.softglass.study.dynamics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softglass.core.io.CsvRows;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.JsonFile;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.rearrange.Persistence;
import org.softglass.core.rearrange.PhopFiles;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.Species;
import org.softglass.study.StudyContext;

/**
 * The persistence Q(t) and χ4(t) = N Var Q of the particles' rearrangements (p_hop &gt; p_c) from a p_hop directory
 * ({@link Persistence}): particle i persists over lag k from origin t0 if p_hop ≤ p_c at every frame of [t0, t0 + k].
 * Its own quantity, not the papers' inherent-state overlap ({@link OverlapStudy}). Writes {@code DIR/persistence.csv}
 * (t, lag_frames, Q, Q_err, chi4, origins), {@code DIR/persistence.json} ({@code softglass.persistence/1}: pc, species,
 * tau_Q, tau_chi, chi4_star, N, frame_spacing, …), {@code DIR/persistence.png} and {@code DIR/persistence.manifest.json}.
 */
public final class PersistenceStudy {
    private PersistenceStudy() {}

    /**
     * @param phop      a p_hop directory (phop.json, phop.npy)
     * @param pc        the threshold p_c (σ²): p_hop &gt; p_c is rearranging
     * @param species   the particles counted
     * @param perDecade log-spaced lags per decade (lag 0 always included)
     * @param maxLag    the largest lag in frames, or null: the longest stretch of defined frames minus 1
     */
    public record Request(Path phop, double pc, Species species, int perDecade, Integer maxLag) {
        public Request {
            if (!(pc > 0) || !Double.isFinite(pc)) throw new InvalidParameter("{pc} must be finite and > 0, got " + pc);
            Checks.atLeast(perDecade, 1, "perDecade");
            if (maxLag != null && maxLag < 1) throw new InvalidParameter("{maxLag} must be >= 1 frame, got " + maxLag);
        }

        /** 10 lags per decade up to the longest defined stretch. */
        public static Request of(Path phop, double pc, Species species) { return new Request(phop, pc, species, 10, null); }
    }

    /** @param persistence Q, χ4 and their times; {@code frames}: frames of the p_hop matrix */
    public record Result(Persistence.Result persistence, Species species, int[] lags, int maxLagFrames, int frames) {}

    /** Computes the persistence of {@code req}'s p_hop directory and writes it into {@code out} (created if needed). */
    public static Result run(Request req, Path out, StudyContext ctx) throws IOException {
        Path input = req.phop();
        Species sp = req.species();
        if (!Files.isRegularFile(PhopFiles.json(input))) throw new NoSuchFileException(PhopFiles.json(input).toString());
        PhopFiles.Matrix m = PhopFiles.read(input);
        int frames = m.frames(), n = m.header().size();
        String npy = PhopFiles.npy(input).toString();
        boolean[] mask = null;
        if (sp != Species.ALL) {
            mask = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) if (mask[i] = m.header().types()[i] == sp.lammpsType()) count++;
            if (count == 0) throw new InvalidParameter("{species} " + sp.label() + ": no particle of type " + sp.lammpsType() + " in " + PhopFiles.json(input));
        }
        if (frames < 2) throw new InputFormatException(npy, -1, frames + " frame(s), expected at least 2 for a lag");
        int run2 = Persistence.longestDefinedRun(m.values(), frames, n, mask);
        if (run2 < 2) {
            throw InputFormatException.naming(npy, -1, "p_hop is defined for all selected particles on at most " + run2
                    + " consecutive frame(s), expected at least 2 (a longer trajectory or a shorter {tR})");
        }
        int longest = req.maxLag() != null ? req.maxLag() : run2 - 1;
        int[] lags = Persistence.logLags(longest, req.perDecade());
        Persistence.Result r;
        try (Parallel par = new Parallel(ctx.threads())) {
            r = Persistence.compute(m.values(), frames, n, m.times(), req.pc(), mask, lags, par);
        }
        Files.createDirectories(out);
        Path csv = out.resolve("persistence.csv"), json = out.resolve("persistence.json"), png = out.resolve("persistence.png");
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < lags.length; j++) {
            rows.add(new Object[] {r.times()[j], lags[j], r.q()[j], r.qErr()[j], r.chi4()[j], r.origins()[j]});
        }
        CsvRows.write(csv, "t,lag_frames,Q,Q_err,chi4,origins", rows);
        JsonFile.write(json, JsonFile.map("schema", "softglass.persistence/1", "pc", req.pc(), "species", sp.label(),
                "tau_Q", JsonFile.finite(r.tauQ()), "tau_chi", JsonFile.finite(r.tauChi()), "chi4_star", JsonFile.finite(r.chi4Star()),
                "N", r.particles(), "frame_spacing", r.frameSpacing(), "frames", frames,
                "half_window_frames", m.header().halfWindow(), "tR_effective", m.header().effectiveTR(),
                "max_lag_frames", lags[lags.length - 1], "input", input.toString()));
        OverlapPlot.of("Persistence of rearrangements (p_hop > " + r.pc() + ", species " + sp.label() + ", N = " + r.particles() + ")", r.times(), r.q(),
                r.qErr(), r.chi4(), r.chi4Star()).save(png);
        new Manifest(ctx.version(), "persistence").param("pc", req.pc()).param("species", sp.label()).param("per_decade", req.perDecade())
                .param("max_lag_frames", longest).param("threads", ctx.threads())
                .input(PhopFiles.json(input)).input(PhopFiles.npy(input))
                .output(csv).output(json).output(png)
                .result("particles", r.particles()).result("frames", frames).result("frame_spacing", r.frameSpacing())
                .result("tau_Q", JsonFile.finite(r.tauQ())).result("tau_chi", JsonFile.finite(r.tauChi())).result("chi4_star", JsonFile.finite(r.chi4Star()))
                .write(out.resolve("persistence.manifest.json"));
        return new Result(r, sp, lags, longest, frames);
    }
}
