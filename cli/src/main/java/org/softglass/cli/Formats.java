package org.softglass.cli;

/** Help-text fragments shared by the commands that read trajectories (compile-time constants for picocli). */
public final class Formats {
    private Formats() {}

    /** The trajectory formats every command reads ({@link org.softglass.core.io.TrajectoryReader}). */
    public static final String TRAJECTORY = "LAMMPS dump, extended XYZ or HOOMD GSD (format found from the content; text may be .gz)";
}
