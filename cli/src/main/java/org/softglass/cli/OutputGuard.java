package org.softglass.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.softglass.core.io.OutputLock;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The output locations of a parsed command and their locks.
 *
 * <p>An output location is the value of an option named in {@link #OUTPUT_OPTIONS}; it is a
 * directory when the option's parameter label is {@code DIR} (or the option has no label), and a file
 * otherwise ({@code FILE.csv}, {@code MODEL.json}). A command whose output location has a default
 * computed at run time implements {@link DefaultOutput}. Every location is locked with
 * {@link OutputLock} for the whole run of the command, so that a second process writing the same
 * output is refused with the holder's pid (exit code {@link ExitCodes#OUTPUT}).
 */
public final class OutputGuard {
    /** The options that name where a command writes. */
    static final List<String> OUTPUT_OPTIONS = List.of("--out", "--per-atom");

    /** A command whose output directory defaults to a value computed from its other options. */
    public interface DefaultOutput {
        /** The output directory this command will use, or null if its options are not valid yet. */
        Path defaultOutput();
    }

    /** A command that, with some options, writes nothing to its output location (so takes no lock on it). */
    public interface ReadOnly {
        /** Whether this invocation only reads (e.g. {@code pipeline --status} while the run goes on). */
        boolean readsOnly();
    }

    /** One output location. */
    public record Location(String option, Path path, boolean directory) {}

    private OutputGuard() {}

    /** The output locations of the command that will run (the deepest subcommand of {@code pr}). */
    static List<Location> locations(CommandLine.ParseResult pr) {
        CommandLine.ParseResult last = deepest(pr);
        List<Location> out = new ArrayList<>();
        if (last == null) return out;
        for (String name : OUTPUT_OPTIONS) {
            OptionSpec o = last.commandSpec().findOption(name);
            if (o == null) continue;
            Object v = o.getValue();
            if (v instanceof Path p) out.add(new Location(name, p, isDirectoryOption(o)));
        }
        if (out.isEmpty() && last.commandSpec().userObject() instanceof DefaultOutput d) {
            try {
                Path p = d.defaultOutput();
                if (p != null) out.add(new Location("--out", p, true));
            } catch (RuntimeException e) {
                // invalid options: the command itself refuses them with its own message
            }
        }
        return out;
    }

    private static boolean isDirectoryOption(OptionSpec o) {
        String label = o.paramLabel();
        return label == null || label.isEmpty() || label.startsWith("<") || label.equals("DIR");
    }

    static CommandLine.ParseResult deepest(CommandLine.ParseResult pr) {
        CommandLine.ParseResult last = pr;
        while (last != null && last.subcommand() != null) last = last.subcommand();
        return last;
    }

    /**
     * Locks every output location of the command (see {@link OutputLock}); a stale lock left by a
     * process that died is taken over with a note on {@code err}.
     *
     * @throws OutputLock.HeldException if another process holds one of them
     * @throws IllegalArgumentException if a directory option names a file, or a file option a directory
     */
    static List<OutputLock> lockAll(CommandLine.ParseResult pr, PrintWriter err) throws IOException {
        CommandLine.ParseResult last = deepest(pr);
        String command = last == null ? "softglass" : last.commandSpec().qualifiedName();
        List<OutputLock> locks = new ArrayList<>();
        if (last != null && last.commandSpec().userObject() instanceof ReadOnly r && r.readsOnly()) return locks;
        try {
            for (Location l : locations(pr)) {
                OutputLock lock;
                try {
                    lock = l.directory() ? OutputLock.directory(l.path(), command) : OutputLock.file(l.path(), command);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    throw new IllegalArgumentException(l.option() + ": " + l.path() + " " + e.getReason(), e);
                }
                locks.add(lock);
                if (lock.staleHolder() != null) {
                    err.println("softglass: note: " + l.path() + " was locked by a process that has ended (" + lock.staleHolder()
                            + "); taking it over");
                    err.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            releaseAll(locks);
            throw e;
        }
        return locks;
    }

    /** Releases the locks (in reverse order), removing directories they created that stayed empty. */
    static void releaseAll(List<OutputLock> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) {
            try {
                locks.get(i).close();
            } catch (IOException ignored) {
                // a lock file we cannot delete is released by the OS when the process ends, and is then stale
            }
        }
    }

    /** Whether {@code file} lies in (or is, or is a directory on the path to) one of the command's output locations. */
    static boolean isOutput(Path file, List<Location> outputs) {
        if (file == null) return false;
        Path f = file.toAbsolutePath().normalize();
        for (Location l : outputs) {
            Path o = l.path().toAbsolutePath().normalize();
            if (f.startsWith(o) || o.startsWith(f)) return true; // in it, or a directory on its path
            if (!l.directory() && o.getParent() != null && f.getParent() != null && f.getParent().equals(o.getParent())
                    && f.getFileName().toString().startsWith("." + o.getFileName())) {
                return true; // the temporary and lock files of an output file
            }
            if (!l.directory() && f.toString().startsWith(o + ".")) return true; // FILE.csv.manifest.json
        }
        return false;
    }
}
