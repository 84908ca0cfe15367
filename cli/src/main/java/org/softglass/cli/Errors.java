package org.softglass.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr ("softglass: ...") and a named exit code; the stack
 * trace only with {@code --stacktrace}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult pr) {
        boolean trace = pr != null && pr.hasMatchedOption("--stacktrace");
        for (CommandLine.ParseResult sub = pr; sub != null && !trace; sub = sub.subcommand()) {
            trace = sub.hasMatchedOption("--stacktrace");
        }
        Throwable t = ex;
        if (t instanceof UncheckedIOException u) t = u.getCause();
        String msg;
        int rc;
        if (t instanceof NoSuchFileException e) {
            msg = "no such file: " + e.getFile();
            rc = ExitCodes.INPUT;
        } else if (t instanceof AccessDeniedException e) {
            msg = "permission denied: " + e.getFile();
            rc = ExitCodes.INPUT;
        } else if (t instanceof IOException e) {
            msg = e.getMessage() == null ? e.toString() : e.getMessage();
            rc = ExitCodes.INPUT;
        } else if (isA(t, "InputFormatException")) {
            msg = t.getMessage();
            rc = ExitCodes.INPUT;
        } else if (isA(t, "NativeLibraryException")) {
            msg = t.getMessage();
            rc = ExitCodes.NATIVE;
        } else if (t instanceof IllegalArgumentException) {
            msg = t.getMessage();
            rc = ExitCodes.USAGE;
        } else if (t instanceof IllegalStateException || t instanceof ArithmeticException) {
            msg = t.getMessage();
            rc = ExitCodes.FAILED;
        } else {
            msg = "internal error: " + t + (trace ? "" : " (rerun with --stacktrace for details)");
            rc = ExitCodes.INTERNAL;
        }
        cl.getErr().println("softglass: " + oneLine(msg));
        if (trace) t.printStackTrace(cl.getErr());
        cl.getErr().flush();
        return rc;
    }

    private static boolean isA(Throwable t, String simpleName) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getSimpleName().equals(simpleName)) return true;
        }
        return false;
    }

    static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').strip();
    }

    /** Bad options: one line plus a pointer to --help, exit code {@link ExitCodes#USAGE}. */
    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            cl.getErr().println("softglass: " + oneLine(ex.getMessage()));
            cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            cl.getErr().flush();
            return ExitCodes.USAGE;
        }
    }
}
