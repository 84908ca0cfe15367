package org.softglass.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.Manifest;
import org.softglass.core.parallel.Parallel;
import org.softglass.core.plot.Plot;
import org.softglass.core.rearrange.Persistence;
import org.softglass.core.rearrange.PhopFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code softglass persistence PHOP_DIR --out DIR}: the persistence Q(t) and χ4(t) = N Var Q of the
 * particles' rearrangements (p_hop &gt; p_c) from a {@code softglass phop} directory ({@link Persistence}),
 * the MD side of the comparison with the trap-like ({@code 000} eqs 16–17) and TRSP ({@code 002}
 * eqs 31–32) models. Writes {@code DIR/persistence.csv} (t, lag_frames, Q, Q_err, chi4, origins),
 * {@code DIR/persistence.json} (pc, species, tau_Q, tau_chi, chi4_star, N, frame_spacing, …),
 * {@code DIR/persistence.png} and {@code DIR/persistence.manifest.json}.
 */
@Command(name = "persistence", mixinStandardHelpOptions = true,
        description = {"Persistence Q(t) and chi4(t) = N Var Q of the particles' rearrangements, from a 'softglass phop' directory.",
                "Particle i rearranges at frame f when p_hop > p_c; it persists over lag k from origin t0 if it rearranges at no frame of [t0, t0+k].",
                "Q(k) and chi4(k) average over every origin whose window has p_hop defined for all selected particles; t = k * frame spacing.",
                "Writes DIR/persistence.csv (t,lag_frames,Q,Q_err,chi4,origins), DIR/persistence.json (tau_Q at Q = 1/e, tau_chi, chi4_star, ...),",
                "DIR/persistence.png and DIR/persistence.manifest.json."})
final class PersistenceCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PHOP_DIR", description = "Directory written by 'softglass phop' (phop.json, phop.npy).")
    Path input;

    @Option(names = "--pc", paramLabel = "P", defaultValue = "0.2", description = "Threshold p_c (sigma^2): p_hop > p_c is rearranging (default: ${DEFAULT-VALUE}).")
    double pc;

    @Option(names = "--species", paramLabel = "A|B|all", defaultValue = "all", description = "Particles counted: A (type 1), B (type 2) or all (default: ${DEFAULT-VALUE}).")
    String species;

    @Option(names = "--per-decade", paramLabel = "N", defaultValue = "10", description = "Log-spaced lags per decade (default: ${DEFAULT-VALUE}); lag 0 is always included.")
    int perDecade;

    @Option(names = "--max-lag", paramLabel = "FRAMES", description = "Largest lag in frames (default: the longest stretch of defined frames minus 1).")
    Integer maxLag;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if needed).")
    Path out;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() throws IOException {
        int nt = run.threads();
        if (!(pc > 0) || !Double.isFinite(pc)) throw new IllegalArgumentException("--pc must be finite and > 0, got " + pc);
        if (perDecade < 1) throw new IllegalArgumentException("--per-decade must be >= 1, got " + perDecade);
        if (maxLag != null && maxLag < 1) throw new IllegalArgumentException("--max-lag must be >= 1 frame, got " + maxLag);
        int type = OptionChecks.speciesType(species, "--species");
        if (!Files.isRegularFile(PhopFiles.json(input))) throw new NoSuchFileException(PhopFiles.json(input).toString());
        PhopFiles.Matrix m = PhopFiles.read(input);
        int frames = m.frames(), n = m.header().size();
        String npy = PhopFiles.npy(input).toString();
        boolean[] mask = null;
        if (type != 0) {
            mask = new boolean[n];
            int count = 0;
            for (int i = 0; i < n; i++) if (mask[i] = m.header().types()[i] == type) count++;
            if (count == 0) throw new IllegalArgumentException("--species " + species.toUpperCase(java.util.Locale.ROOT) + ": no particle of type " + type + " in " + PhopFiles.json(input));
        }
        if (frames < 2) throw new InputFormatException(npy, -1, frames + " frame(s), expected at least 2 for a lag");
        int run2 = Persistence.longestDefinedRun(m.values(), frames, n, mask);
        if (run2 < 2) {
            throw new InputFormatException(npy, -1, "p_hop is defined for all selected particles on at most " + run2
                    + " consecutive frame(s), expected at least 2 (a longer trajectory or a shorter --tr)");
        }
        int longest = maxLag != null ? maxLag : run2 - 1;
        int[] lags = Persistence.logLags(longest, perDecade);
        Persistence.Result r;
        try (Parallel par = new Parallel(nt)) {
            r = Persistence.compute(m.values(), frames, n, m.times(), pc, mask, lags, par);
        }
        Files.createDirectories(out);
        Path csv = out.resolve("persistence.csv"), json = out.resolve("persistence.json"), png = out.resolve("persistence.png");
        List<Object[]> rows = new ArrayList<>();
        for (int j = 0; j < lags.length; j++) {
            rows.add(new Object[] {r.times()[j], lags[j], r.q()[j], r.qErr()[j], r.chi4()[j], r.origins()[j]});
        }
        Csv.write(csv, "t,lag_frames,Q,Q_err,chi4,origins", rows);
        String sp = type == 0 ? "all" : type == 1 ? "A" : "B";
        Csv.json(json, Csv.map("schema", "softglass.persistence/1", "pc", pc, "species", sp,
                "tau_Q", finite(r.tauQ()), "tau_chi", finite(r.tauChi()), "chi4_star", finite(r.chi4Star()),
                "N", r.particles(), "frame_spacing", r.frameSpacing(), "frames", frames,
                "half_window_frames", m.header().halfWindow(), "tR_effective", m.header().effectiveTR(),
                "max_lag_frames", lags[lags.length - 1], "input", input.toString()));
        plot(r, sp).save(png);
        new Manifest(Version.get(), "persistence").param("pc", pc).param("species", sp).param("per_decade", perDecade)
                .param("max_lag_frames", longest).param("threads", nt)
                .input(PhopFiles.json(input)).input(PhopFiles.npy(input))
                .output(csv).output(json).output(png)
                .result("particles", r.particles()).result("frames", frames).result("frame_spacing", r.frameSpacing())
                .result("tau_Q", finite(r.tauQ())).result("tau_chi", finite(r.tauChi())).result("chi4_star", finite(r.chi4Star()))
                .write(out.resolve("persistence.manifest.json"));
        if (!run.quiet()) {
            System.out.println("persistence: N = " + r.particles() + " (" + sp + "), p_c = " + pc + ", tau_Q = " + Csv.fmt(r.tauQ())
                    + ", tau_chi = " + Csv.fmt(r.tauChi()) + ", chi4* = " + Csv.fmt(r.chi4Star()) + " -> " + out);
        }
        return ExitCodes.OK;
    }

    /** Q with its error bars and χ4/χ4* on one log-t axis ({@link OverlapPlot}). */
    private static Plot plot(Persistence.Result r, String sp) {
        return OverlapPlot.of("Persistence of rearrangements (p_hop > " + r.pc() + ", species " + sp + ", N = " + r.particles() + ")", r.times(), r.q(), r.qErr(), r.chi4(), r.chi4Star());
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }
}
