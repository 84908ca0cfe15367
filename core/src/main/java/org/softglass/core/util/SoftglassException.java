package org.softglass.core.util;

import org.softglass.nativebridge.LapackException;
import org.softglass.nativebridge.NativeLibraryException;

/**
 * The exceptions of softglass, each of one {@link Kind}: what went wrong, so that a front end can answer it (the
 * command line maps the kind to its exit code: {@code FAILED} 1, {@code USAGE} 2, {@code INPUT} 3, {@code ENVIRONMENT}
 * 5).
 *
 * <p>An interface, not a common superclass: its members keep the JDK superclass that callers already catch
 * ({@link InvalidParameter}, {@link Refusal} and {@link NumericalFailure} are {@link IllegalArgumentException}s,
 * {@code UnstableRunException} and {@code ElasticException} {@link IllegalStateException}s, {@code NonFiniteEnergyException}
 * an {@link ArithmeticException}, {@code OutputLock.HeldException} an {@link java.io.IOException}), and Java has one
 * superclass per class. The members:
 * <ul>
 * <li>{@code FAILED}: {@link Refusal}, {@link NumericalFailure}, {@code simulate.UnstableRunException},
 * {@code minimize.NonFiniteEnergyException}, {@code elastic.ElasticException};</li>
 * <li>{@code USAGE}: {@link InvalidParameter};</li>
 * <li>{@code INPUT}: {@code io.InputFormatException};</li>
 * <li>{@code ENVIRONMENT}: {@code io.OutputLock.HeldException}.</li>
 * </ul>
 * The native bridge cannot see this module (core depends on it, not the other way), so its two exceptions are given
 * their kinds by {@link #kindOf}: {@link NativeLibraryException} {@code ENVIRONMENT}, {@link LapackException}
 * {@code FAILED}.
 *
 * <p>A bare {@link IllegalArgumentException} is not a member: a front end reads it as a bad argument (usage), so core
 * code that reports a failed computation or data that cannot give a result throws {@link Refusal} or
 * {@link NumericalFailure}, never a bare one.
 */
public interface SoftglassException {

    /** What kind of failure an exception reports. */
    enum Kind {
        /**
         * The computation refused its data or failed: a fit that does not converge or is not determined, a matrix
         * that is not positive definite, too few events, a non-finite result, an unstable run. The call was
         * well-formed; other data or other parameters may succeed. Exit code 1.
         */
        FAILED,
        /** A bad argument: a parameter out of its range or inconsistent with another. Exit code 2. */
        USAGE,
        /** A malformed or mismatched input file (its content, not its absence). Exit code 3. */
        INPUT,
        /**
         * The machine, not the call or its data: an output location in use, a native library that cannot be loaded.
         * Exit code 5.
         */
        ENVIRONMENT
    }

    /** The kind of failure this exception reports. */
    Kind kind();

    /**
     * The kind of {@code t}: its {@link #kind()} when it is a member, the kinds of the native bridge's exceptions, or
     * null when {@code t} is of no kind (a JDK exception: its meaning is the front end's to decide).
     */
    static Kind kindOf(Throwable t) {
        if (t instanceof SoftglassException e) return e.kind();
        if (t instanceof NativeLibraryException) return Kind.ENVIRONMENT;
        if (t instanceof LapackException) return Kind.FAILED;
        return null;
    }
}
