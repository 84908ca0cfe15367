package org.softglass.study.quench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.softglass.core.energy.Models;
import org.softglass.core.energy.PairPotential;
import org.softglass.core.io.AtomicOutput;
import org.softglass.core.io.Frame;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.LammpsDumpWriter;
import org.softglass.core.io.Manifest;
import org.softglass.core.io.TrajectoryReader;
import org.softglass.core.minimize.Algorithm;
import org.softglass.core.minimize.MinimizeOptions;
import org.softglass.core.minimize.Minimizer;
import org.softglass.core.minimize.NonFiniteEnergyException;
import org.softglass.core.minimize.ParallelQuench;
import org.softglass.core.minimize.Report;
import org.softglass.core.util.InvalidParameter;
import org.softglass.study.Checks;
import org.softglass.study.FrameRange;
import org.softglass.study.StudyContext;

/**
 * The inherent structure (local energy minimum) of every frame of a trajectory, streaming frame by frame, with
 * {@link Minimizer} (default cg+fire, the protocol of the LAMMPS fixtures, LAMMPS {@code minimize etol ftol maxiter
 * maxeval} semantics). Several frames are quenched one per worker ({@link ParallelQuench}), each the one-thread quench
 * of its frame, so a frame's minimum does not depend on how the trajectory is split into blocks.
 *
 * <p>Writes, atomically (nothing appears if the run fails): {@code DIR/is.dump}, a LAMMPS dump with columns
 * {@code id type x y z ix iy iz c_peatom} (wrapped IS positions, image counts carried over from the input and updated as
 * particles cross faces, so {@code x + ix L} is the unwrapped IS position; per-atom energies in the LAMMPS pe/atom
 * split); {@code DIR/is_energy.csv}, one row per frame ({@link #CSV_HEADER}); and {@code DIR/manifest.json}. A frame
 * that does not converge is written with {@code converged=false} and counted in {@link Result#unconverged()}: a value
 * of the result, which the caller turns into a refusal or keeps.
 */
public final class QuenchStudy {
    /** The columns of is.dump. */
    public static final List<String> COLUMNS = List.of("id", "type", "x", "y", "z", "ix", "iy", "iz", "c_peatom");
    /** The header of is_energy.csv. */
    public static final String CSV_HEADER = "frame,timestep,u_is_per_atom,fnorm,fmax,iterations,force_evals,converged";

    private QuenchStudy() {}

    /**
     * @param dump        the trajectory (any number of frames)
     * @param model       the pair potential preset ({@link Models#byName})
     * @param algorithm   the minimiser
     * @param lbfgsMemory the (s, y) pairs L-BFGS keeps, 1..100
     * @param ftol        the tolerance on |F|_2 of the 3N force vector (0: off)
     * @param etol        the relative energy-change tolerance (0: off)
     * @param maxIter     the iteration limit per stage
     * @param maxEval     the force-evaluation limit per stage
     * @param frames      the frames quenched, keeping their indices (a shard)
     */
    public record Request(Path dump, String model, Algorithm algorithm, int lbfgsMemory, double ftol, double etol, int maxIter, long maxEval,
                          FrameRange frames) {
        public Request {
            Checks.nonNegative(ftol, "ftol");
            Checks.nonNegative(etol, "etol");
            Checks.atLeast(maxIter, 1, "maxIter");
            Checks.atLeast(maxEval, 1, "maxEval");
            if (lbfgsMemory < 1 || lbfgsMemory > 100) throw new InvalidParameter("{lbfgsMemory} must be in [1, 100], got " + lbfgsMemory);
        }

        /** The command line's limits and L-BFGS memory: every frame of {@code dump} with {@code algorithm} to {@code ftol}. */
        public static Request of(Path dump, String model, Algorithm algorithm, double ftol) {
            return new Request(dump, model, algorithm, 8, ftol, 0, 100_000, 1_000_000, FrameRange.ALL);
        }

        /** This request on frames {@code range} only. */
        public Request frames(FrameRange range) {
            return new Request(dump, model, algorithm, lbfgsMemory, ftol, etol, maxIter, maxEval, range);
        }
    }

    /**
     * @param frames           frames quenched
     * @param unconverged      frames that did not converge (written with converged=false)
     * @param reachedEnd       whether the range ran to the end of the input (false: a shard that is not the last)
     * @param framesInParallel whether frames were quenched one per worker
     */
    public record Result(Path isDump, Path energies, int frames, int unconverged, boolean reachedEnd, double meanEnergyPerAtom, long forceEvaluations,
                         boolean framesInParallel) {
        /** The one-line warning about frames that did not converge, or null. */
        public String warning() {
            return unconverged == 0 ? null : unconverged + " of " + frames + " frames did not converge (see the converged column of " + energies + ")";
        }
    }

    /** Quenches the frames of {@code req} into {@code outDir}. */
    public static Result run(Request req, Path outDir, StudyContext ctx) throws IOException {
        FrameRange range = req.frames();
        Path dump = req.dump();
        PairPotential pot = Models.byName(req.model());
        int nt = ctx.threads();
        MinimizeOptions opts = MinimizeOptions.defaults().withAlgorithm(req.algorithm()).withLbfgsMemory(req.lbfgsMemory()).withFtol(req.ftol())
                .withEtol(req.etol()).withMaxIterations(req.maxIter()).withMaxForceEvaluations(req.maxEval()).withThreads(nt);
        Path isDump = outDir.resolve("is.dump"), csv = outDir.resolve("is_energy.csv");
        Totals totals = new Totals();
        boolean framesInParallel, reachedEnd;
        try (TrajectoryReader reader = TrajectoryReader.open(dump)) {   // a missing input fails before DIR is made
            boolean created = !Files.isDirectory(outDir);
            if (created) Files.createDirectories(outDir);
            LammpsDumpWriter dw = null;
            AtomicOutput co = null;
            boolean ok = false;
            try (StudyContext.Meter progress = ctx.progress().start("quench", -1, "frames")) {
                dw = LammpsDumpWriter.open(isDump, COLUMNS);
                co = AtomicOutput.open(csv);
                PrintWriter cw = new PrintWriter(new BufferedWriter(new OutputStreamWriter(co.stream(), StandardCharsets.UTF_8), 1 << 16));
                cw.println(CSV_HEADER);
                LammpsDumpWriter out = dw;
                ParallelQuench.Sink<Item> sink = (item, e, r) -> {
                    Frame f = item.frame();
                    out.write(f.timestep(), f.box(), f.particles(), Map.of("c_peatom", e));
                    cw.println(item.index() + "," + f.timestep() + "," + r.energyPerAtom() + "," + r.fnorm() + "," + r.fmax() + ","
                            + r.iterations() + "," + r.forceEvaluations() + "," + r.converged());
                    totals.add(r);
                    progress.stepTo(totals.frames);
                };
                try (Frames frames = new Frames(reader, range.from(), range.to())) {
                    if (frames.empty()) {
                        throw new InvalidParameter(dump + ": no frames found" + (range.isAll() ? "" : " in {frames} " + range));
                    }
                    // a shard always quenches one frame per thread, as the single run over several frames does, so its
                    // frames are bit for bit that run's even when the shard holds one frame
                    framesInParallel = (frames.several() || !range.isAll()) && nt > 1;
                    if (framesInParallel) {
                        quenchFrames(dump, frames, pot, opts, nt, sink);
                    } else {
                        quenchOneByOne(dump, frames, pot, range.isAll() ? opts : opts.withThreads(1), sink);
                    }
                    reachedEnd = frames.atEndOfInput();
                }
                cw.flush();
                if (cw.checkError()) throw new IOException("error writing " + csv);
                dw.close();
                co.commit();
                ok = true;
            } finally {
                if (!ok) {
                    if (dw != null) dw.abort();
                    if (co != null) co.abort();
                    if (created) deleteIfEmpty(outDir);
                }
            }
        }
        new Manifest(ctx.version(), "quench").param("model", pot.name()).param("potential", pot.description())
                .param("min", opts.algorithm().label()).param("lbfgs_memory", req.lbfgsMemory()).param("ftol", req.ftol()).param("etol", req.etol())
                .param("max_iter", req.maxIter()).param("max_eval", req.maxEval()).param("dmax", opts.dmax()).param("skin", opts.skin())
                .param("fire", opts.fire().toString()).param("threads", nt).param("frames_in_parallel", framesInParallel).param("frames", range.toString())
                .input(dump).output(isDump).output(csv)
                .result("frames", totals.frames).result("unconverged_frames", totals.unconverged).result("reached_end_of_input", reachedEnd)
                .result("mean_u_is_per_atom", totals.sumU / totals.frames).result("force_evaluations", totals.evals).write(outDir.resolve("manifest.json"));
        return new Result(isDump, csv, totals.frames, totals.unconverged, reachedEnd, totals.sumU / totals.frames, totals.evals, framesInParallel);
    }

    /** A frame of the input and its index, owned until its inherent structure is written. */
    private record Item(int index, Frame frame) implements AutoCloseable {
        @Override
        public void close() { frame.close(); }
    }

    /** Frame count, unconverged frames, Σ U_IS/N and force evaluations of the quenches written. */
    static final class Totals {
        int frames, unconverged;
        double sumU;
        long evals;

        void add(Report r) {
            frames++;
            if (!r.converged()) unconverged++;
            sumU += r.energyPerAtom();
            evals += r.forceEvaluations();
        }
    }

    /**
     * The dump's frames, the first two read ahead so that whether there are several is known before
     * any is quenched. Frames handed out by {@link #next()} belong to the caller; {@link #close()}
     * frees those read ahead and not handed out.
     */
    private static final class Frames implements AutoCloseable {
        private final TrajectoryReader reader;
        private final java.util.ArrayDeque<Frame> ahead = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Integer> aheadIndex = new java.util.ArrayDeque<>();
        private final int first, end;
        /** Index in the input of the next frame {@link #read()} returns. */
        private int position;
        /** Index in the input of the frame {@link #next()} returned last. */
        private int index = -1;
        private boolean eof;

        /** Frames {@code first} (inclusive) to {@code end} (exclusive) of the input, with their input indices. */
        Frames(TrajectoryReader reader, int first, int end) throws IOException {
            this.reader = reader;
            this.first = first;
            this.end = end;
            try {
                for (Frame f; ahead.size() < 2 && (f = read()) != null; ) {
                    ahead.add(f);
                    aheadIndex.add(position - 1);
                }
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        boolean empty() { return ahead.isEmpty(); }

        boolean several() { return ahead.size() > 1; }

        /** The next frame of the range, or null at its end; {@link #index()} is then its index in the input. */
        Frame next() throws IOException {
            if (!ahead.isEmpty()) {
                index = aheadIndex.poll();
                return ahead.poll();
            }
            Frame f = read();
            if (f != null) index = position - 1;
            return f;
        }

        /** Index in the input of the frame {@link #next()} returned last. */
        int index() { return index; }

        /**
         * Whether the input has no frame after the range (read one frame further when the range ended first): a
         * shard that reached the input's end is the last one ({@code quench-merge} checks that one is).
         */
        boolean atEndOfInput() throws IOException {
            if (!ahead.isEmpty()) return false;
            if (eof) return true;
            Frame f = reader.next();
            if (f == null) return true;
            f.close();
            return false;
        }

        /** The next input frame inside [first, end), skipping (and freeing) those before it. */
        private Frame read() throws IOException {
            while (position < end) {
                Frame f = reader.next();
                if (f == null) {
                    eof = true;
                    return null;
                }
                position++;
                if (position - 1 >= first) return f;
                f.close();
            }
            return null;
        }

        @Override
        public void close() {
            ahead.forEach(Frame::close);
            ahead.clear();
            aheadIndex.clear();
        }
    }

    /**
     * Several frames: one frame per worker ({@code threads} workers, one thread each; {@link ParallelQuench}),
     * written in input order. Each inherent structure is the one-thread quench of its frame.
     */
    private static void quenchFrames(Path dump, Frames frames, PairPotential pot, MinimizeOptions opts, int threads, ParallelQuench.Sink<Item> sink)
            throws IOException {
        try (ParallelQuench<Item> q = new ParallelQuench<>(pot, opts, threads, sink, (item, ex) -> frameError(dump, item.index(), item.frame().timestep(), ex))) {
            for (Frame f; (f = frames.next()) != null; ) q.submit(new Item(frames.index(), f), f.particles(), f.box());
            q.flush();
        }
    }

    /** One frame (or one thread): frames in turn, each split over the minimiser's threads. */
    private static void quenchOneByOne(Path dump, Frames frames, PairPotential pot, MinimizeOptions opts, ParallelQuench.Sink<Item> sink) throws IOException {
        try (Minimizer minimizer = new Minimizer(pot, opts)) {
            for (Frame f; (f = frames.next()) != null; ) {
                int index = frames.index();
                try (Item item = new Item(index, f)) {
                    double[] e = new double[f.size()];
                    Report r;
                    try {
                        r = minimizer.minimize(f.particles(), f.box(), e);
                    } catch (RuntimeException ex) {
                        throw frameError(dump, index, f.timestep(), ex);
                    }
                    sink.accept(item, e, r);
                }
            }
        }
    }

    /**
     * The one-line error for frame {@code index}'s failed minimisation: a refused frame
     * ({@link IllegalArgumentException}) or a non-finite energy, named by frame and timestep; any other
     * exception unchanged.
     */
    private static RuntimeException frameError(Path dump, int index, long timestep, RuntimeException ex) {
        if (ex instanceof NonFiniteEnergyException nf) return nonFinite(dump, index, timestep, nf);
        if (ex instanceof IllegalArgumentException) {
            return new IllegalArgumentException(dump + ": frame " + index + " (timestep " + timestep + "): " + ex.getMessage());
        }
        return ex;
    }

    /**
     * The error for a frame whose minimisation met a non-finite energy: an input error (exit 3) when
     * the frame as read is already non-finite (overlapping particles in the file), else a failed
     * computation (exit 1).
     */
    private static RuntimeException nonFinite(Path dump, int frame, long timestep, NonFiniteEnergyException ex) {
        String where = "frame " + frame + " (timestep " + timestep + "): ";
        if (ex.atStart()) {
            return new InputFormatException(dump.getFileName().toString(), -1,
                    where + ex.getMessage() + "; expected distinct particle positions");
        }
        return new ArithmeticException(dump + ": " + where + ex.getMessage() + "; nothing was written");
    }

    private static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // something else is in there: leave it
        } catch (IOException ignored) {
            // best effort
        }
    }
}
