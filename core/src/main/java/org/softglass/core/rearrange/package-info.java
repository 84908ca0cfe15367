/**
 * Rearrangements and training sets (DESIGN §4): the hop indicator p_hop over a trajectory
 * ({@link org.softglass.core.rearrange.PhopCalculator}, {@link org.softglass.core.rearrange.PhopRun}),
 * rearrangement events ({@link org.softglass.core.rearrange.EventDetector}), the Falk–Langer
 * non-affine displacement ({@link org.softglass.core.rearrange.D2min}), training-set labels
 * (rearranging / stable / extreme tails, {@link org.softglass.core.rearrange.TrainingSelection}),
 * balanced seeded sampling, and the one-pass writer of a labelled sample table with features
 * ({@link org.softglass.core.rearrange.TrainsetWriter}, {@link org.softglass.core.rearrange.FeatureSource}).
 *
 * <p>Trajectories are read by {@link org.softglass.core.rearrange.TrajectoryStream}, which streams
 * frames and checks that every frame holds the same particles at increasing, uniformly spaced timesteps.
 */
package org.softglass.core.rearrange;
