package org.softglass.cli.pipeline;

/**
 * A failed stage of the pipeline: its message names the study (as the command of the same name) and its own one-line
 * error, or the item that could not run; the pipeline stops with {@link #exitCode} and keeps the finished items.
 */
final class PipelineException extends IllegalStateException {
    final int exitCode;

    PipelineException(String msg, int exitCode) {
        super(msg);
        this.exitCode = exitCode;
    }
}
