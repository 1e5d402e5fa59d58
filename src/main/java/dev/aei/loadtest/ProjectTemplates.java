package dev.aei.loadtest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The fixed files of a generated project, shipped as resources; {@code {{name}}} marks a value to fill in. */
final class ProjectTemplates {
    private static final Pattern SLOT = Pattern.compile("\\{\\{([A-Za-z]+)}}");

    private ProjectTemplates() {
    }

    /** A resource beside this class, e.g. {@code AgentWire.java.txt}. */
    static String read(String name) {
        try (InputStream in = ProjectTemplates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the project template " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project template " + name, e);
        }
    }

    /** The template with every {@code {{name}}} replaced by its value; a slot without a value is a bug. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {{" + m.group(1) + "}}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
