package org.softglass.core.io;

import java.nio.file.Path;
import java.util.Map;

/**
 * One fuzzed parser: its corpus folder {@code fuzz-corpus/<name>}, the name the fuzzed file gets,
 * fixed valid companion files written beside it (e.g. {@code phop.npy} for {@code phop.json}),
 * whether the reader also accepts gzip, and the call that parses a file and checks the result's
 * invariants (throwing an {@link AssertionError} for an invalid result).
 */
public record FuzzTarget(String name, String fileName, boolean gzip, Map<String, byte[]> companions, Parser parse) {
    /** Parses {@code file} and checks the result; a format problem must be an {@link InputFormatException}. */
    @FunctionalInterface
    public interface Parser {
        void parse(Path file) throws Exception;
    }

    @Override
    public String toString() { return name; }
}
