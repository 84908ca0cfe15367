package org.softglass.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir Path tmp;

    @Test
    void directoryLockIsExclusiveNamesItsHolderAndCleansUp() throws Exception {
        Path dir = tmp.resolve("a").resolve("b");
        try (OutputLock lock = OutputLock.directory(dir, "simulate")) {
            assertTrue(Files.isDirectory(dir));
            assertEquals(dir.resolve(OutputLock.DIR_LOCK_NAME), lock.lockFile());
            assertNull(lock.staleHolder());
            String line = Files.readString(lock.lockFile());
            assertTrue(line.startsWith("pid=" + ProcessHandle.current().pid() + " command=simulate "), line);
            OutputLock.HeldException e = assertThrows(OutputLock.HeldException.class, () -> OutputLock.directory(dir, "phop"));
            assertTrue(e.getMessage().contains("pid=" + ProcessHandle.current().pid()), e.getMessage());
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        // Nothing was written besides the lock: the created directories are gone again.
        assertFalse(Files.exists(tmp.resolve("a")));
    }

    @Test
    void keepsDirectoriesThatHoldOutputsAndCanBeTakenAgain() throws Exception {
        Path dir = tmp.resolve("out");
        try (OutputLock lock = OutputLock.directory(dir, "x")) {
            Files.writeString(dir.resolve("result.csv"), "a\n");
        }
        assertTrue(Files.exists(dir.resolve("result.csv")));
        assertFalse(Files.exists(dir.resolve(OutputLock.DIR_LOCK_NAME)));
        try (OutputLock again = OutputLock.directory(dir, "x")) {
            assertNull(again.staleHolder());
        }
    }

    @Test
    void aStaleLockFileIsTakenOver() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("stale"));
        Files.writeString(dir.resolve(OutputLock.DIR_LOCK_NAME), "pid=999999 command=simulate started=2026-01-01T00:00:00Z\n");
        try (OutputLock lock = OutputLock.directory(dir, "simulate")) {
            assertEquals("pid=999999 command=simulate started=2026-01-01T00:00:00Z", lock.staleHolder());
        }
    }

    @Test
    void fileLockSitsBesideTheFileAndRefusesADirectory() throws Exception {
        Path f = tmp.resolve("sub").resolve("model.json");
        try (OutputLock lock = OutputLock.file(f, "train")) {
            assertEquals(tmp.resolve("sub").resolve(".model.json.lock"), lock.lockFile());
            assertThrows(OutputLock.HeldException.class, () -> OutputLock.file(f, "train"));
            Files.writeString(f, "{}");
        }
        assertFalse(Files.exists(tmp.resolve("sub").resolve(".model.json.lock")));
        assertThrows(FileAlreadyExistsException.class, () -> OutputLock.file(tmp, "train"));
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThrows(FileAlreadyExistsException.class, () -> OutputLock.directory(file, "phop"));
    }

    @Test
    void refusesALockFileThatIsASymbolicLink() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("d"));
        Path victim = Files.writeString(tmp.resolve("victim"), "precious");
        Files.createSymbolicLink(dir.resolve(OutputLock.DIR_LOCK_NAME), victim);
        assertThrows(FileAlreadyExistsException.class, () -> OutputLock.directory(dir, "x"));
        assertEquals("precious", Files.readString(victim));
    }

    /**
     * Another process holding a POSIX (fcntl) lock on the lock file, as a second softglass would:
     * Python's {@code fcntl.lockf} takes the same kind of lock as the JVM's {@code FileChannel.tryLock}.
     * When that process dies, the lock is stale and taken over.
     */
    @Test
    @Timeout(60)
    void anotherProcessHoldingTheLockIsRefusedUntilItDies() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(python), "needs /usr/bin/python3");
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Path lockFile = dir.resolve(OutputLock.DIR_LOCK_NAME);
        String script = "import fcntl,os,sys,time\n"
                + "f=open(sys.argv[1],'a+')\n"
                + "fcntl.lockf(f, fcntl.LOCK_EX|fcntl.LOCK_NB)\n"
                + "f.write('pid=%d command=other started=now\\n' % os.getpid()); f.flush()\n"
                + "print('locked', flush=True)\n"
                + "time.sleep(60)\n";
        Process p = new ProcessBuilder(python.toString(), "-c", script, lockFile.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", r.readLine());
            OutputLock.HeldException e = assertThrows(OutputLock.HeldException.class, () -> OutputLock.directory(dir, "simulate"));
            assertTrue(e.getMessage().contains("pid=" + p.pid()), e.getMessage());
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (OutputLock lock = OutputLock.directory(dir, "simulate")) {
            assertNotNull(lock.staleHolder());
            assertTrue(lock.staleHolder().contains("pid=" + p.pid()), lock.staleHolder());
        }
    }
}
