package dev.aei.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * What the JSON parser says went wrong, fit to show a user: its own words without the source
 * location it writes into some of them ("start marker at [Source: …; line: 1, column: 1]"), which
 * names an internal setting and repeats what the caller says better (the file, line or frame).
 */
public final class ParserMessage {
    private static final Pattern SOURCE_LOCATION = Pattern.compile("\\s*\\(?[a-z ]*\\[Source: [^\\]]*\\]\\)?");

    private ParserMessage() {
    }

    /** The problem in the parser's words, without a source location. */
    public static String of(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "not valid JSON" : SOURCE_LOCATION.matcher(message).replaceAll("");
    }
}
