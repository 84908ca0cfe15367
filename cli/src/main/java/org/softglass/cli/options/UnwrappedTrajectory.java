package org.softglass.cli.options;

import java.nio.file.Path;
import org.softglass.cli.Formats;
import picocli.CommandLine.Parameters;

/**
 * The operand {@code TRAJ} of the commands that follow particles across frames by their unwrapped positions (phop,
 * trainset, d2min): a trajectory with image counts, in any format {@link Formats#TRAJECTORY} names. One declaration,
 * one help text.
 */
public final class UnwrappedTrajectory {
    @Parameters(index = "0", paramLabel = "TRAJ", description = "Trajectory with unwrapped positions (image counts): " + Formats.TRAJECTORY + ".")
    private Path path;

    /** The trajectory file as given. */
    public Path path() { return path; }
}
