/**
 * Per-atom analysis results (softness, p_hop) laid out as columns of a trajectory frame, for writing
 * extended XYZ or LAMMPS dump files that OVITO and other viewers colour particles by.
 */
package org.softglass.core.export;
