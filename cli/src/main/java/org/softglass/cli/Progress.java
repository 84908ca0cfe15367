package org.softglass.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with ETA on stderr (progressbar library); silent with {@code --quiet} or when
 * stderr is not a terminal and {@code SOFTGLASS_PROGRESS} is not set, so scripts and logs stay clean.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) { this.bar = bar; }

    /** A bar counting frames of unknown total. */
    public static Progress frames(String task, boolean quiet) { return of(task, -1, "frames", quiet); }

    /** A bar over {@code total} units (−1: unknown). */
    public static Progress of(String task, long total, String unit, boolean quiet) {
        boolean show = !quiet && (System.console() != null || System.getenv("SOFTGLASS_PROGRESS") != null);
        if (!show) return new Progress(null);
        ProgressBar b = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .showSpeed().build();
        return new Progress(b);
    }

    /** Progress bars for a study ({@link org.softglass.study.StudyContext.Progress}): one bar per loop, none when {@code quiet}. */
    public static org.softglass.study.StudyContext.Progress sink(boolean quiet) {
        if (quiet) return org.softglass.study.StudyContext.Progress.NONE;
        return (task, total, unit) -> {
            Progress p = of(task, total, unit, false);
            return new org.softglass.study.StudyContext.Meter() {
                @Override public void stepTo(long done) { p.stepTo(done); }
                @Override public void close() { p.close(); }
            };
        };
    }

    public void step() { if (bar != null) bar.step(); }

    public void stepBy(long n) { if (bar != null) bar.stepBy(n); }

    public void stepTo(long n) { if (bar != null) bar.stepTo(n); }

    @Override
    public void close() { if (bar != null) bar.close(); }
}
