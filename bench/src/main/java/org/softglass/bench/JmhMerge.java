package org.softglass.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softglass.core.io.InputFormatException;

/**
 * {@code JmhMerge OUT IN...}: concatenates JMH JSON result files (one JMH invocation each) into one
 * result array, written atomically to OUT; used by {@code bench/run-jmh}, which runs the suite as a few
 * JMH invocations with different settings. Exit 0 on success, 3 on a malformed input, 1 on an I/O error,
 * 2 on bad usage.
 */
public final class JmhMerge {
    private JmhMerge() {}

    /** Entry point; see the class comment. */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: JmhMerge OUT.json IN.json...");
            System.exit(2);
        }
        List<Path> in = new ArrayList<>();
        for (int k = 1; k < args.length; k++) in.add(Path.of(args[k]));
        try {
            JmhResults.merge(Path.of(args[0]), in);
        } catch (InputFormatException e) {
            System.err.println("JmhMerge: " + e.getMessage());
            System.exit(3);
        } catch (IOException e) {
            System.err.println("JmhMerge: " + e);
            System.exit(1);
        }
    }
}
