package org.softglass.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.softglass.core.io.Frame;
import org.softglass.core.io.LammpsDumpReader;

/** The last frame of a LAMMPS dump, for the timing programs that run on one configuration. */
final class LastFrame {
    private LastFrame() {}

    /** Reads every frame and keeps the last (closing the others); the caller closes it. */
    static Frame read(Path dump) throws IOException {
        Frame frame = null;
        try (LammpsDumpReader r = LammpsDumpReader.open(dump)) {
            for (Frame f; (f = r.next()) != null; ) {
                if (frame != null) frame.close();
                frame = f;
            }
        }
        if (frame == null) throw new IOException(dump + ": no frame");
        return frame;
    }
}
