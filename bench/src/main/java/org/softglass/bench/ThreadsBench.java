package org.softglass.bench;

import org.openjdk.jmh.annotations.Param;

/**
 * A benchmark of the suite timed at 1 and 2 worker threads (the machine's cores, bench/RESULTS.md): the
 * {@code threads} parameter declared once. JMH reads {@code @Param} fields of superclasses, so a subclass sees it as
 * its own.
 */
public abstract class ThreadsBench extends SuiteBench {
    /** Worker threads of the timed code. */
    @Param({"1", "2"})
    int threads;
}
