package org.softglass.core.io;

/**
 * Which kind of coordinates a {@link Frame} was built from (LAMMPS column names in brackets).
 * Whatever the kind, the frame's store always holds positions wrapped into the box plus image
 * counts, so that the unwrapped position is {@code x + ix L}.
 */
public enum CoordinateKind {
    /** Wrapped Cartesian positions {@code x y z} (σ), with image flags {@code ix iy iz} if present. */
    WRAPPED,
    /** Unwrapped Cartesian positions {@code xu yu zu} (σ); images are derived by wrapping. */
    UNWRAPPED,
    /** Scaled (fractional) wrapped positions {@code xs ys zs} in [0, 1): {@code x = lo + xs L}. */
    SCALED,
    /** Scaled unwrapped positions {@code xsu ysu zsu}: {@code xu = lo + xsu L}. */
    SCALED_UNWRAPPED
}
