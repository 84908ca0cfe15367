package org.softglass.core.testutil;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;
import org.softglass.core.io.InputFormatException;

/** Hand edits of a file a reader must refuse, each with the one-line message it must give. */
public final class FileEdits {
    private FileEdits() {}

    /**
     * For each edit {@code {from, to, message}}: asserts that {@code original} contains {@code from}, writes
     * {@code original} with {@code from} replaced by {@code to} to {@code file}, and asserts that {@code read} throws an
     * {@link InputFormatException} whose message starts with {@code "file: message"}. The file is left with the last edit.
     */
    public static void assertEachRefused(Path file, String original, String[][] edits, Executable read) throws IOException {
        for (String[] e : edits) {
            assertTrue(original.contains(e[0]), e[0] + " in " + original);
            Files.writeString(file, original.replace(e[0], e[1]));
            InputFormatException x = assertThrows(InputFormatException.class, read);
            assertTrue(x.getMessage().startsWith(file + ": " + e[2]), x.getMessage());
        }
    }
}
