package dev.aei.protocol;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a prompt marker (canary) looks like: a regular expression whose whole match is one marker.
 * Where the format names the user whose prompt carried it, the named group {@value #USER_GROUP}
 * captures that user, so a capture made by another tool (say {@code [[canary:alice:d72cb0c7]]})
 * is checked for leaks even without the prompts that carried the markers.
 *
 * @param regex the regular expression (Java syntax)
 */
public record CanaryPattern(String regex) {
    /** The named group that captures the marker's user. */
    public static final String USER_GROUP = "user";
    /** This tool's own markers: {@code cnry-} and 10 lower-case hex digits; they name no user. */
    public static final CanaryPattern OURS = new CanaryPattern("cnry-[0-9a-f]{10}");

    public CanaryPattern {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("a canary pattern must not be empty");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("canary pattern '" + regex + "' is not a valid regular expression: "
                    + e.getDescription());
        }
        if (compiled.matcher("").matches()) {
            throw new IllegalArgumentException("canary pattern '" + regex + "' matches empty text; it must match a marker");
        }
    }

    /** The compiled expression. */
    public Pattern compiled() {
        return Pattern.compile(regex);
    }

    /** True when the format captures the marker's user in the group {@value #USER_GROUP}. */
    public boolean namesUser() {
        return regex.contains("(?<" + USER_GROUP + ">");
    }

    /**
     * One marker found in a text.
     *
     * @param text the marker as it appears
     * @param user the user its format names, or null when the format names none
     */
    public record Marker(String text, String user) {
    }
}
