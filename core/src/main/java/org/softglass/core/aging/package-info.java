/**
 * Aging of the softness after a quench (paper {@code 000} Fig. 5, paper {@code 002} §VII C and Fig. 8):
 * MD quenches from equilibrium at T_I to T_F with ⟨S⟩(t_w) measured on configurations at log-spaced
 * waiting times, and the combination of the MD curve with the trap master equation and the TRSP model
 * on one matched time axis (DESIGN §7b).
 */
package org.softglass.core.aging;
