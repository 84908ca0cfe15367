package org.softglass.study.fluidity;

import java.nio.file.Path;

/**
 * One classifier of the fluidity figures ({@code 003} Table I and Figs. 1, 2, 4, 8). Biases are thresholds b of
 * α = w·F − b on the classifier's own standardised features (prediction "rearranging" when w·F &gt; b).
 *
 * @param name             e.g. {@code tails-T0.900}
 * @param kind             {@code tails}, {@code immobile-random} or {@code softness}
 * @param trainT           training temperature
 * @param model            the MODEL.json written
 * @param samples          training samples
 * @param cvAccuracy       k-fold CV accuracy at each fold model's own bias (what {@code train} reports)
 * @param cvBestBias       the bias that maximises the CV accuracy (Fig. 1)
 * @param cvBestAccuracy   that accuracy
 * @param trainBias        the trained model's own threshold −b_model (Table I "b")
 * @param sigma            σ_α: standard deviation (divisor n − 1) of w·F over every A row at the training temperature
 * @param bestBias         b^best: the bias that maximises the accuracy on the test set (Table I "b^best")
 * @param bestTestAccuracy that accuracy (Fig. 2)
 * @param projection       ŵ_S·ŵ_α with the softness classifier (Table I last column), null without one
 * @param barriersError    why the Kramers fits of P(R|x_α, T) failed for this classifier, or null
 */
public record ClassifierSummary(String name, String kind, double trainT, Path model, int samples, double cvAccuracy, double cvBestBias,
                                double cvBestAccuracy, double trainBias, double sigma, double bestBias, double bestTestAccuracy,
                                Double projection, String barriersError) {}
