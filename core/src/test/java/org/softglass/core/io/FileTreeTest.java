package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FileTree#delete}: a nested tree goes, its siblings stay, a missing folder is no error. */
class FileTreeTest {
    @TempDir
    Path dir;

    @Test
    void deletesTheWholeTreeAndNothingBeside() throws IOException {
        Path tree = dir.resolve("a");
        Files.createDirectories(tree.resolve("b/c"));
        Files.writeString(tree.resolve("b/c/x.csv"), "1\n");
        Files.writeString(tree.resolve("y.json"), "{}");
        Path sibling = Files.writeString(dir.resolve("keep.txt"), "k");
        FileTree.delete(tree);
        assertFalse(Files.exists(tree));
        assertTrue(Files.exists(sibling));
        FileTree.delete(tree);   // already gone: nothing to do
        FileTree.delete(dir.resolve("never"));
    }
}
