/**
 * Dynamical observables of supercooled-liquid trajectories (paper {@code 004}, Sec. II and eq 3): the
 * static structure factor and its first peak q_max, the self-intermediate scattering function
 * F_s(q, t), the mean-squared displacement, τ_α at F_s = 0.2, reduced units a0 = (V/N)^⅓ and
 * t0 = a0/√T, the mesoelastic fit of eq 3, Spearman rank correlation, and the inherent-structure
 * transition rate of Fig. 5.
 */
package org.softglass.core.dynamics;
