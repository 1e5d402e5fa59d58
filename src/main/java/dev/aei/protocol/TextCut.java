package dev.aei.protocol;

import java.text.BreakIterator;
import java.util.function.ToDoubleFunction;

/**
 * Shortens text for showing without cutting a character in half: cuts fall only between
 * user-perceived characters (never inside a surrogate pair, an emoji or a letter with its marks).
 */
public final class TextCut {
    /** What a shortened text ends with. */
    public static final String ELLIPSIS = "…";

    private TextCut() {
    }

    /** The text when it has at most {@code max} characters, else its first {@code max - 1} and an ellipsis. */
    public static String shorten(String text, int max) {
        if (text == null || max < 1) {
            return text == null ? null : "";
        }
        if (text.length() <= max) {
            return text; // fewer UTF-16 units than the limit: certainly fewer characters
        }
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int count = 0;
        int keep = 0;
        for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
            count++;
            if (count == max - 1) {
                keep = end;
            }
            if (count > max) {
                return text.substring(0, keep) + ELLIPSIS;
            }
        }
        return text;
    }

    /** The first {@code max} characters of the text, or all of it when it has no more. */
    public static String head(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int end = max <= 0 ? 0 : characters.following(0) == BreakIterator.DONE ? text.length() : characters.current();
        for (int count = 1; count < max && end < text.length(); count++) {
            end = characters.next();
        }
        return text.substring(0, Math.max(0, end));
    }

    /** How many user-perceived characters the text has. */
    public static int length(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int count = 0;
        while (characters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /**
     * The longest start of the text that, with an ellipsis, is no wider than {@code maxWidth}
     * as {@code width} measures it; the whole text when it fits. For labels drawn on a canvas.
     */
    public static String fit(String text, double maxWidth, ToDoubleFunction<String> width) {
        if (text == null || text.isEmpty() || width.applyAsDouble(text) <= maxWidth) {
            return text;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        String best = ELLIPSIS;
        for (int end = characters.next(); end != BreakIterator.DONE && end < text.length(); end = characters.next()) {
            String candidate = text.substring(0, end) + ELLIPSIS;
            if (width.applyAsDouble(candidate) > maxWidth) {
                break;
            }
            best = candidate;
        }
        return best;
    }
}
