package dev.aei.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Text as it may appear in generated Java source: string literals, identifiers and class names. */
final class JavaText {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield");

    private JavaText() {
    }

    /** A Java string literal holding exactly {@code text} (quotes included); {@code null} for null. */
    static String literal(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // escaped so the source reads the same in any encoding
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The words of a name: runs of ASCII letters and digits. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        for (String part : String.valueOf(name).split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                words.add(part);
            }
        }
        return words;
    }

    /** A lower-camel-case identifier for a name, e.g. {@code bob@x.com} as {@code bobXCom}; {@code fallback} for none. */
    static String identifier(String name, String fallback) {
        StringBuilder out = new StringBuilder();
        for (String word : words(name)) {
            out.append(out.length() == 0 ? word.substring(0, 1).toLowerCase(Locale.ROOT) : word.substring(0, 1)
                    .toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        String id = out.length() == 0 ? fallback : out.toString();
        if (Character.isDigit(id.charAt(0)) || KEYWORDS.contains(id)) {
            id = fallback + capitalised(id);
        }
        return id;
    }

    /** An upper-camel-case class name for a name, e.g. {@code q3-costs} as {@code Q3Costs}; {@code fallback} for none. */
    static String className(String name, String fallback) {
        StringBuilder out = new StringBuilder();
        words(name).forEach(word -> out.append(capitalised(word)));
        if (out.length() == 0) {
            return fallback;
        }
        return Character.isDigit(out.charAt(0)) ? fallback + out : out.toString();
    }

    /** The upper-snake-case form of an identifier, e.g. {@code bobXCom} as {@code BOB_X_COM}. */
    static String constant(String identifier) {
        return identifier.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}
