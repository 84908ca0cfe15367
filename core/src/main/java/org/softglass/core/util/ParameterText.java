package org.softglass.core.util;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages of core code that name a parameter of the failed call. Core code does not know how a front end spells its
 * parameters (a command-line option, a key of a configuration file, a Java argument), so a message names one by the
 * token {@code {name}} with the Java parameter's name ({@code {dt}}, {@code {tR}}, {@code {twMin}}): {@link #plain}
 * writes the bare name ("dt must be > 0"), and a front end renders each token its own way ({@link #render}; the
 * command line writes its option, "--dt must be > 0"). Exceptions carrying such a message implement {@link Templated}.
 */
public final class ParameterText {
    private static final Pattern TOKEN = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");

    private ParameterText() {}

    /** An exception whose message names parameters by tokens: {@link #template()} is the message before rendering. */
    public interface Templated {
        /** The message with its {@code {name}} tokens. */
        String template();
    }

    /** {@code template} with each token {@code {name}} replaced by {@code name}. */
    public static String plain(String template) {
        return render(template, Function.identity());
    }

    /** {@code template} with each token {@code {name}} replaced by {@code namer.apply(name)}. */
    public static String render(String template, Function<String, String> namer) {
        if (template == null) return null;
        Matcher m = TOKEN.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(namer.apply(m.group(1))));
        m.appendTail(b);
        return b.toString();
    }
}
