/**
 * Dense linear algebra for softglass through OpenBLAS/LAPACK (bytedeco natives), called with FFM
 * downcalls on {@link java.lang.foreign.MemorySegment}s without copying.
 *
 * <ul>
 *   <li>{@link org.softglass.nativebridge.OpenBlas}: loads the natives once, sets OpenBLAS to one thread
 *       (parallelism belongs to our own code, DESIGN §8), reports {@link org.softglass.nativebridge.NativeInfo}.</li>
 *   <li>{@link org.softglass.nativebridge.Blas}: {@code ddot, daxpy, dgemv, dsymv, dgemm, dtrsm}.</li>
 *   <li>{@link org.softglass.nativebridge.Lapack}: {@code dpotrf, dpotrs, dsyevr} (all, index or value range).</li>
 *   <li>{@link org.softglass.nativebridge.DenseArrays}: copying {@code double[]} conveniences.</li>
 * </ul>
 *
 * <p>All matrices are column-major with explicit leading dimensions (LAPACK convention). Errors:
 * {@link java.lang.IllegalArgumentException} for bad arguments (naming the parameter),
 * {@link org.softglass.nativebridge.LapackException} for {@code info != 0},
 * {@link org.softglass.nativebridge.NativeLibraryException} when the natives are unavailable.
 *
 * <p>Example: {@code C = A·B} for a 3 × 2 {@code A} and a 2 × 4 {@code B}:
 * <pre>{@code
 * try (Arena arena = Arena.ofConfined()) {
 *     MemorySegment a = arena.allocate(JAVA_DOUBLE, 3 * 2), b = arena.allocate(JAVA_DOUBLE, 2 * 4),
 *                   c = arena.allocate(JAVA_DOUBLE, 3 * 4);
 *     // ... fill a (lda = 3) and b (ldb = 2) column by column ...
 *     Blas.dgemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 3, 4, 2, 1.0, a, 3, b, 2, 0.0, c, 3);
 * }
 * }</pre>
 */
package org.softglass.nativebridge;
