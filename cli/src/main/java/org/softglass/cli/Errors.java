package org.softglass.cli;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipException;
import org.softglass.core.io.InputFormatException;
import org.softglass.core.io.OutputLock;
import org.softglass.core.util.ParameterText;
import org.softglass.core.util.SoftglassException;
import org.softglass.cli.options.OptionValueException;
import picocli.CommandLine;

/**
 * The exit-code policy of {@link ExitCodes}, in one place: turns an exception into one line on
 * stderr ({@code softglass: ...}) and its exit code; the stack trace only with {@code --stacktrace}.
 *
 * <ul>
 * <li>A {@link SoftglassException} (and the native bridge's exceptions, {@link SoftglassException#kindOf}) by its
 * {@link SoftglassException.Kind kind}, in one switch: {@code FAILED} 1 ({@link org.softglass.core.util.Refusal},
 * {@link org.softglass.core.util.NumericalFailure}, an unstable run, a non-finite energy, an elastic computation that is
 * not defined, a LAPACK failure), {@code USAGE} 2 ({@link org.softglass.core.util.InvalidParameter}), {@code INPUT} 3
 * ({@code InputFormatException}), {@code ENVIRONMENT} 5 (an output in use, {@link OutputLock.HeldException}; a native
 * library that cannot be loaded). Messages with parameter tokens are written with options ({@link OptionNames}).</li>
 * <li>I/O errors: 5 on the command's output locations ({@link OutputGuard}), a full disk, a read-only file system; 3
 * otherwise (a missing, unreadable or truncated input).</li>
 * <li>The JVM out of memory: 5.</li>
 * <li>A bare {@link IllegalArgumentException}: 2 (usage: picocli converters and option checks; its message names the
 * option). Core code reports failed computations by the typed exceptions above, never by a bare one.</li>
 * <li>A bare {@link IllegalStateException} or {@link ArithmeticException}: 1 (a failed computation).</li>
 * <li>Anything else is a bug: 70.</li>
 * </ul>
 * Messages never echo raw bytes: non-printable characters are shown as {@code ?}.
 */
public final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult pr) {
        return handle(ex, cl, pr);
    }

    /** Reports {@code t} on {@code cl}'s stderr and returns its exit code (see the class comment). */
    static int handle(Throwable t, CommandLine cl, CommandLine.ParseResult pr) {
        boolean trace = false;
        for (CommandLine.ParseResult sub = pr; sub != null && !trace; sub = sub.subcommand()) {
            trace = sub.hasMatchedOption("--stacktrace");
        }
        if (t instanceof UncheckedIOException u && u.getCause() != null) t = u.getCause();
        if (t instanceof CommandLine.ExecutionException e && e.getCause() != null) t = e.getCause();
        List<OutputGuard.Location> outputs = pr == null ? List.of() : OutputGuard.locations(pr);
        Verdict v = classify(t, outputs);
        cl.getErr().println("softglass: " + oneLine(v.message() + (v.code() == ExitCodes.INTERNAL && !trace ? " (rerun with --stacktrace for details)" : "")));
        if (trace) t.printStackTrace(cl.getErr());
        cl.getErr().flush();
        return v.code();
    }

    /** A message and an exit code. */
    public record Verdict(String message, int code) {}

    /** The message and exit code of {@code t} for a command writing to {@code outputs}. */
    public static Verdict classify(Throwable t, List<OutputGuard.Location> outputs) {
        SoftglassException.Kind kind = SoftglassException.kindOf(t);
        if (kind != null) {
            return new Verdict(message(t), switch (kind) {
                case FAILED -> ExitCodes.FAILED;
                case USAGE -> ExitCodes.USAGE;
                case INPUT -> ExitCodes.INPUT;
                case ENVIRONMENT -> ExitCodes.OUTPUT;
            });
        }
        if (t instanceof FileSystemException e) return fileSystem(e, outputs);
        if (t instanceof ZipException || (t instanceof EOFException && String.valueOf(t.getMessage()).contains("ZLIB"))) {
            return new Verdict("truncated or corrupt compressed input (" + t.getMessage() + ")", ExitCodes.INPUT);
        }
        if (t instanceof IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage();
            if (m.equalsIgnoreCase("Is a directory")) m = "an input is a directory where a file was expected";
            return new Verdict(environmental(m) ? m + " (while writing " + describe(outputs) + ")" : m,
                    environmental(m) ? ExitCodes.OUTPUT : ExitCodes.INPUT);
        }
        if (t instanceof OutOfMemoryError) {
            return new Verdict("out of memory (the Java heap may use " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB; set a larger -Xmx through SOFTGLASS_JAVA_OPTS, or use a smaller system)", ExitCodes.OUTPUT);
        }
        if (t instanceof IllegalArgumentException) return new Verdict(OptionNames.message(t), ExitCodes.USAGE);
        if (t instanceof IllegalStateException || t instanceof ArithmeticException) return new Verdict(OptionNames.message(t), ExitCodes.FAILED);
        return new Verdict("internal error: " + t, ExitCodes.INTERNAL);
    }

    /** The message of a {@link SoftglassException}, its parameter tokens written as options. */
    private static String message(Throwable t) {
        if (t instanceof InputFormatException f) {
            return f.template() != null ? ParameterText.render(f.template(), OptionNames::of) : f.getMessage();
        }
        return OptionNames.message(t);
    }

    private static Verdict fileSystem(FileSystemException e, List<OutputGuard.Location> outputs) {
        java.nio.file.Path file = e.getFile() == null ? null : java.nio.file.Path.of(e.getFile());
        boolean out = OutputGuard.isOutput(file, outputs)
                || (e.getOtherFile() != null && OutputGuard.isOutput(java.nio.file.Path.of(e.getOtherFile()), outputs));
        String reason = e.getReason() == null ? "" : e.getReason();
        int code = out || environmental(reason) ? ExitCodes.OUTPUT : ExitCodes.INPUT;
        String msg;
        if (e instanceof NoSuchFileException) {
            msg = out ? "cannot write " + e.getFile() + ": its directory does not exist" : "no such file: " + e.getFile();
        } else if (e instanceof AccessDeniedException) {
            msg = "permission denied: " + e.getFile() + (out ? " (output)" : "");
        } else if (e instanceof FileAlreadyExistsException) {
            msg = e.getFile() + ": " + (reason.isEmpty() ? "already exists" : reason) + (out ? " (output location)" : "");
        } else if (e instanceof NotDirectoryException) {
            msg = e.getFile() + ": not a directory";
        } else if (reason.toLowerCase(Locale.ROOT).contains("is a directory")) {
            msg = e.getFile() + ": is a directory, expected a file";
        } else {
            msg = (e.getFile() == null ? "" : e.getFile() + ": ") + (reason.isEmpty() ? e.getClass().getSimpleName() : reason);
        }
        return new Verdict(msg, code);
    }

    /** Whether an I/O message is about the machine (disk, quota, read-only mount), not about a file's content. */
    private static boolean environmental(String m) {
        String s = m.toLowerCase(Locale.ROOT);
        return s.contains("no space left") || s.contains("quota exceeded") || s.contains("read-only file system");
    }

    private static String describe(List<OutputGuard.Location> outputs) {
        return outputs.isEmpty() ? "the output" : outputs.get(0).path().toString();
    }

    /** One line: line breaks become spaces and every non-printable character becomes {@code ?}. */
    public static String oneLine(String s) {
        if (s == null) return "(no message)";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') b.append(' ');
            else if (c < ' ' || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\uFFFD' || Character.isSurrogate(c)) b.append('?');
            else b.append(c);
        }
        return b.toString().strip();
    }

    /**
     * Bad options: one line plus a pointer to --help, exit code {@link ExitCodes#USAGE}. A value one of our converters
     * refused ({@link OptionValueException}) is the one line "--option must be ...", as the option checks word theirs.
     */
    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            if (ex.getCause() instanceof OptionValueException v && ex.getArgSpec() != null) {
                String name = ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o ? o.longestName() : ex.getArgSpec().paramLabel();
                cl.getErr().println("softglass: " + oneLine(name + " " + v.getMessage()));
                cl.getErr().flush();
                return ExitCodes.USAGE;
            }
            cl.getErr().println("softglass: " + oneLine(ex.getMessage()));
            cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            cl.getErr().flush();
            return ExitCodes.USAGE;
        }
    }
}
