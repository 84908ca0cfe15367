/** Descriptive statistics with explicit conventions (divisor, median of even samples), shared by every command. */
package org.softglass.core.stats;
