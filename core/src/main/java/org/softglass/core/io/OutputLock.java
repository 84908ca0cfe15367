package org.softglass.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An advisory, exclusive lock on an output location, so that two processes never write the same
 * output at once (two {@code simulate} runs into one directory would otherwise interleave their
 * {@code thermo.csv} and trajectory).
 *
 * <p><b>Where the lock lives.</b> For an output directory {@code DIR} it is the file
 * {@code DIR/.softglass.lock}; for an output file {@code F} it is {@code .F.lock} in F's directory.
 * Missing directories are created (and removed again by {@link #close()} if they are still empty,
 * so a refused command leaves nothing behind). The lock file holds one line,
 * {@code pid=P command=C started=ISO-8601}, and is deleted on {@link #close()}, or, like the
 * temporary files of unfinished outputs, by {@link TempFiles}' shutdown hook when the JVM is stopped
 * (SIGTERM, Ctrl-C).
 *
 * <p><b>How it locks.</b> With the operating system's file lock ({@link FileChannel#tryLock()}, POSIX
 * {@code fcntl} on Linux), which the kernel releases when the holding process ends, however it ends
 * (kill -9 included). A lock file that exists but is not locked was therefore left by a process that
 * died: it is <em>stale</em>, and it is taken over ({@link #staleHolder()} says whose it was). The file's
 * identity (device and inode) is read from the path before the open, after it and after the lock;
 * if the path names another file at any point (the previous holder deleted it between our open and
 * our lock, on its own {@code close()}), it retries. The lock file is never opened a second time
 * while held: closing any descriptor of a file drops all of a process's POSIX locks on it. Within one JVM a second
 * acquisition of the same location is refused in the same way as one from another process.
 *
 * <p>Advisory: it excludes other softglass processes, not other programs. On network file systems it
 * is as reliable as their {@code fcntl} locking.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name inside a locked directory. */
    public static final String DIR_LOCK_NAME = ".softglass.lock";

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final List<Path> created;
    private final String staleHolder;
    private boolean closed;

    private OutputLock(Path lockFile, FileChannel channel, FileLock lock, List<Path> created, String staleHolder) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.created = created;
        this.staleHolder = staleHolder;
    }

    /**
     * The location is held by another process (or by another command of this process).
     * Its message names the location and the holder's pid.
     */
    public static final class HeldException extends IOException implements org.softglass.core.util.SoftglassException {
        private static final long serialVersionUID = 1L;
        private final transient Path location;

        HeldException(Path location, String holder) {
            super(location + " is in use by another softglass process (" + holder
                    + "); wait for it to finish or choose another output location");
            this.location = location;
        }

        /** The locked output directory or file. */
        public Path location() { return location; }

        /** {@link Kind#ENVIRONMENT}: the location is busy, not the call wrong. */
        @Override
        public Kind kind() { return Kind.ENVIRONMENT; }
    }

    /**
     * Locks the output directory {@code dir}, creating it (and missing parents) if needed.
     *
     * @param command what holds the lock, for the message another process sees (e.g. "simulate")
     * @throws HeldException if another process holds it
     * @throws FileAlreadyExistsException if {@code dir} exists and is not a directory
     * @throws IOException if the directory or the lock file cannot be created
     */
    public static OutputLock directory(Path dir, String command) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new FileAlreadyExistsException(abs.toString(), null, "exists and is not a directory");
        }
        List<Path> created = createDirectories(abs);
        return lock(abs.resolve(DIR_LOCK_NAME), abs, command, created);
    }

    /**
     * Locks the output file {@code file} (which need not exist), creating its directory if needed.
     *
     * @throws HeldException if another process is writing that file
     * @throws FileAlreadyExistsException if {@code file} is a directory
     */
    public static OutputLock file(Path file, String command) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        if (Files.isDirectory(abs)) throw new FileAlreadyExistsException(abs.toString(), null, "is a directory, expected a file name");
        Path parent = abs.getParent();
        List<Path> created = createDirectories(parent);
        return lock(parent.resolve("." + abs.getFileName() + ".lock"), abs, command, created);
    }

    private static OutputLock lock(Path lockFile, Path location, String command, List<Path> created) throws IOException {
        try {
            for (int attempt = 0; ; attempt++) {
                if (Files.isSymbolicLink(lockFile)) {
                    throw new FileAlreadyExistsException(lockFile.toString(), null, "is a symbolic link; a lock file must be a plain file");
                }
                Object before = fileKey(lockFile);
                FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                Object opened = fileKey(lockFile);
                if (opened == null || (before != null && !before.equals(opened))) { // replaced while we opened it
                    ch.close();
                    if (attempt > 100) throw new IOException(lockFile + ": the lock file keeps being replaced; cannot lock " + location);
                    continue;
                }
                FileLock fl;
                try {
                    fl = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    fl = null; // this JVM holds it already
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                if (fl == null) {
                    String holder = readHolder(ch);
                    ch.close();
                    throw new HeldException(location, holder.isEmpty() ? "lock file " + lockFile : holder);
                }
                if (!opened.equals(fileKey(lockFile))) {
                    // The previous holder deleted the file between our open and our lock: lock the new one.
                    fl.release();
                    ch.close();
                    if (attempt > 100) throw new IOException(lockFile + ": the lock file keeps being replaced; cannot lock " + location);
                    continue;
                }
                String previous = readHolder(ch);
                String me = "pid=" + ProcessHandle.current().pid() + " command=" + command + " started=" + Instant.now() + "\n";
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
                ch.force(false);
                OutputLock held = new OutputLock(lockFile, ch, fl, created, previous.isEmpty() ? null : previous);
                TempFiles.track(lockFile);   // a shutdown (SIGTERM, Ctrl-C) deletes it with the temporary outputs
                return held;
            }
        } catch (IOException | RuntimeException e) {
            removeCreated(created);
            throw e;
        }
    }

    /**
     * The identity of the file at {@code path} (device and inode on Unix), from its attributes:
     * never opens it, since closing any descriptor of a file drops every POSIX lock this process
     * holds on it. Null if there is no such file.
     */
    private static Object fileKey(Path path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() != null ? a.fileKey() : path; // no file keys here: trust the path
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The first line of a lock file, sanitised to printable characters (at most 200). */
    private static String readHolder(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256);
        int n = ch.read(b, 0);
        if (n <= 0) return "";
        String s = new String(b.array(), 0, n, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        if (nl >= 0) s = s.substring(0, nl);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 200; i++) {
            char c = s.charAt(i);
            out.append(c >= ' ' && c != 0x7f && c != '\uFFFD' ? c : '?');
        }
        return out.toString().strip();
    }

    /** Creates {@code dir} and its missing parents; returns those created, deepest first. */
    private static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) missing.add(p);
        List<Path> created = new ArrayList<>();
        try {
            for (int i = missing.size() - 1; i >= 0; i--) {
                try {
                    Files.createDirectory(missing.get(i));
                    created.add(0, missing.get(i));
                } catch (FileAlreadyExistsException e) {
                    if (!Files.isDirectory(missing.get(i))) throw e; // created concurrently: fine if a directory
                }
            }
        } catch (IOException | RuntimeException e) {
            removeCreated(created);
            throw e;
        }
        return created;
    }

    private static void removeCreated(List<Path> created) {
        for (Path p : created) { // deepest first
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return; // someone wrote there: keep it and its parents
            } catch (IOException e) {
                return;
            }
        }
    }

    /** The lock file. */
    public Path lockFile() { return lockFile; }

    /**
     * The holder line of a stale lock that was taken over (its process had ended without removing
     * it), or null if the lock file was new.
     */
    public String staleHolder() { return staleHolder; }

    /**
     * Deletes the lock file and releases the lock; directories this lock created and that are still
     * empty are removed. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            Files.deleteIfExists(lockFile); // while still held, so nobody locks a file we then delete
            TempFiles.untrack(lockFile);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
                removeCreated(created);
            }
        }
    }
}
