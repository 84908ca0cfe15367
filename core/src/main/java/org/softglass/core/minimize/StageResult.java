package org.softglass.core.minimize;

/** Outcome of one minimisation stage: why it stopped and after how many iterations. */
record StageResult(StopReason reason, int iterations) {}
