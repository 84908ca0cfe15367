package org.softglass.cli.options;

import picocli.CommandLine.TypeConversionException;

/**
 * A value a converter of this package refuses, its message the rest of a sentence whose subject is the option:
 * {@code must be A, B or all, got 'C'}. The usage handler ({@code Errors.Usage}) writes it after the option's name,
 * {@code --rearrangers must be A, B or all, got 'C'}, as the option checks word theirs (a converter does not know
 * which option it converts). Exit code 2, like every bad option.
 */
public final class OptionValueException extends TypeConversionException {
    /** @param predicate what the value must be and what it was, e.g. {@code must be local or slurm, got 'pbs'} */
    public OptionValueException(String predicate) {
        super(predicate);
    }
}
