package org.softglass.core.io;

import java.nio.file.Path;

/**
 * A child process for {@link AtomicOutputShutdownTest}: opens an {@link AtomicOutput} on
 * {@code args[0]}, writes to it, prints {@code writing} and keeps writing until it is killed.
 */
public final class AtomicOutputChild {
    private AtomicOutputChild() {}

    public static void main(String[] args) throws Exception {
        AtomicOutput out = AtomicOutput.open(Path.of(args[0]));
        out.stream().write(new byte[1 << 16]);
        out.stream().flush();
        System.out.println("writing");
        System.out.flush();
        while (true) {
            out.stream().write(new byte[1024]);
            Thread.sleep(10);
        }
    }
}
