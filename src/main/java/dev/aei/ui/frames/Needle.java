package dev.aei.ui.frames;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the frames search looks for: plain text (any case) or a regular expression. Finds every
 * match in a payload, so the table can count the frames that hold one and mark where.
 */
abstract class Needle {

    /**
     * The needle for a query, or an exception whose message says what is wrong with the regular
     * expression. Blank text gives null: nothing is searched.
     */
    static Needle of(String text, boolean regex) throws PatternSyntaxException {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return regex ? new Regex(Pattern.compile(text)) : new Plain(text);
    }

    /** True when the text holds a match; {@code cancelled} may stop a runaway regular expression early. */
    abstract boolean foundIn(String text, BooleanSupplier cancelled);

    /** Every match in {@code text}, in order (empty matches are skipped). */
    abstract List<Match> spans(String text);

    /** The first match at or after {@code from}, or null. */
    Match first(String text, int from) {
        for (Match s : spans(text)) {
            if (s.start() >= from) {
                return s;
            }
        }
        return null;
    }

    /** Plain text in any case: the first character is compared cheaply before the rest. */
    private static final class Plain extends Needle {
        private final String needle;
        private final char lower;
        private final char upper;

        Plain(String needle) {
            this.needle = needle;
            this.lower = Character.toLowerCase(needle.charAt(0));
            this.upper = Character.toUpperCase(needle.charAt(0));
        }

        /**
         * The next place the needle starts, in any case. Both cases of its first character are found
         * with {@link String#indexOf(int, int)}, which the JVM runs over many characters at once, and
         * only there is the rest compared.
         */
        private int indexIn(String text, int from) {
            int last = text.length() - needle.length();
            int nextLower = text.indexOf(lower, from);
            int nextUpper = lower == upper ? -1 : text.indexOf(upper, from);
            while (nextLower >= 0 || nextUpper >= 0) {
                boolean lowerFirst = nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper);
                int at = lowerFirst ? nextLower : nextUpper;
                if (at > last) {
                    return -1;
                }
                if (text.regionMatches(true, at, needle, 0, needle.length())) {
                    return at;
                }
                if (lowerFirst) {
                    nextLower = text.indexOf(lower, at + 1);
                } else {
                    nextUpper = text.indexOf(upper, at + 1);
                }
            }
            return -1;
        }

        @Override
        boolean foundIn(String text, BooleanSupplier cancelled) {
            return indexIn(text, 0) >= 0;
        }

        @Override
        List<Match> spans(String text) {
            List<Match> found = new ArrayList<>();
            int at = indexIn(text, 0);
            while (at >= 0) {
                found.add(new Match(at, at + needle.length()));
                at = indexIn(text, at + needle.length());
            }
            return found;
        }
    }

    /** A regular expression, run over text that gives up when the search is cancelled. */
    private static final class Regex extends Needle {
        private final Pattern pattern;

        Regex(Pattern pattern) {
            this.pattern = pattern;
        }

        @Override
        boolean foundIn(String text, BooleanSupplier cancelled) {
            try {
                return pattern.matcher(new Cancellable(text, cancelled)).find();
            } catch (Cancelled e) {
                return false;
            }
        }

        @Override
        List<Match> spans(String text) {
            List<Match> found = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find() && found.size() < 1_000) {
                if (m.end() > m.start()) {
                    found.add(new Match(m.start(), m.end()));
                }
            }
            return found;
        }
    }

    /** Thrown from inside a match when the search was cancelled. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    /** A string whose characters stop being readable once the search is cancelled (checked every 4096 reads). */
    private static final class Cancellable implements CharSequence {
        private final String text;
        private final BooleanSupplier cancelled;
        private int reads;

        Cancellable(String text, BooleanSupplier cancelled) {
            this.text = text;
            this.cancelled = cancelled;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                throw new Cancelled();
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
