package org.softglass.core.simulate;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Calls a per-frame function at an arbitrary ascending schedule of production steps (e.g. log-spaced
 * waiting times after a quench) and streams one CSV row per call to {@code target} ({@code target.part}
 * until the run completes, truncated back on resume as every streamed output of {@link Simulation}), so
 * a resumed run writes a file byte-identical to an uninterrupted one.
 *
 * <p>{@link #every()} is 1; at each step the schedule is searched (binary search, O(log n)), so the
 * observer can resume at any step without state of its own.
 */
public final class ScheduledObserver implements Observer {
    /** The per-frame measurement: returns the CSV fields after {@code step,time} (no newline). */
    @FunctionalInterface
    public interface FrameFunction {
        /**
         * @param s the MD state (must not be modified)
         * @param step production step
         * @param time production time (τ)
         */
        String row(MdSystem s, long step, double time) throws IOException;
    }

    private final long[] steps;
    private final FrameFunction fn;
    private final AppendFile file;
    private final PrintWriter out;

    private ScheduledObserver(Path target, String header, long[] steps, FrameFunction fn, long[] resume) throws IOException {
        long length = resume.length > 0 ? resume[0] : 0;
        this.steps = steps.clone();
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) throw new IllegalArgumentException("schedule steps must be strictly ascending");
        }
        this.fn = fn;
        this.file = new AppendFile(target, length);
        this.out = new PrintWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
        if (length == 0) out.println("step,time," + header);
    }

    /**
     * A factory for {@link Simulation#run}.
     *
     * @param fileName the CSV's name inside the run directory
     * @param header the CSV columns the function writes (after {@code step,time})
     * @param steps production steps at which to call the function, strictly ascending (not modified)
     */
    public static Simulation.ObserverFactory factory(String fileName, String header, long[] steps, FrameFunction fn) {
        long[] copy = steps.clone();
        return (dir, resume) -> new ScheduledObserver(dir.resolve(fileName), header, copy, fn, resume);
    }

    @Override public long every() { return 1; }

    @Override
    public void observe(MdSystem s, long step, double time) throws IOException {
        if (Arrays.binarySearch(steps, step) < 0) return;
        out.println(step + "," + time + "," + fn.row(s, step, time));
    }

    @Override public long[] outputLengths() throws IOException { out.flush(); return new long[] {file.length()}; }
    @Override public void complete() throws IOException { out.flush(); file.complete(); }
    @Override public void close() throws IOException { out.flush(); file.close(); }
}
