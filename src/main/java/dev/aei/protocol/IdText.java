package dev.aei.protocol;

import java.nio.charset.StandardCharsets;

/**
 * User and lane ids as they travel: any Unicode text (CJK, right-to-left scripts, emoji, spaces,
 * {@code /}, {@code ?}) is a valid id and ids are compared as exact strings. Where an id becomes
 * part of another id it is encoded, never squashed, so two users never share a thread.
 */
public final class IdText {
    /** How many characters the real backend keeps of a user id it reports in {@code connection_established}. */
    public static final int REPORTED_LENGTH = 8;
    /** What the real backend appends to an id it cut. */
    public static final String CUT_MARK = "...";

    private static final char LEFT_TO_RIGHT_MARK = '\u200E';
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private IdText() {
    }

    /**
     * The id as a piece of a thread id: letters, marks and digits of any script, {@code .} and
     * {@code -} stay as they are; every other character (space, {@code /}, {@code ?}, {@code _},
     * {@code %}, emoji…) becomes its UTF-8 bytes as {@code %XX}. Different ids always give different
     * pieces, and a piece never holds {@code _}, which separates the parts of a run id.
     */
    public static String threadPiece(String id) {
        StringBuilder out = new StringBuilder(id.length() + 8);
        id.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                    || Character.getType(cp) == Character.COMBINING_SPACING_MARK || cp == '.' || cp == '-') {
                out.appendCodePoint(cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
        });
        return out.toString();
    }

    /** A thread id of this lane's {@code number}-th thread: {@code t-<lane as a thread piece>-<number>}. */
    public static String threadId(String lane, int number) {
        return "t-" + threadPiece(lane) + "-" + number;
    }

    /**
     * The id as the real backend reports it in {@code connection_established}: its first
     * {@value #REPORTED_LENGTH} characters (code points, so no emoji is cut in half) plus
     * {@value #CUT_MARK} when it is longer, else the id itself.
     */
    public static String reported(String id) {
        if (id.codePointCount(0, id.length()) <= REPORTED_LENGTH) {
            return id;
        }
        return id.substring(0, id.offsetByCodePoints(0, REPORTED_LENGTH)) + CUT_MARK;
    }

    /** The kept start of a cut id ({@code qa-user-...} or {@code qa-user-…}), or null when the id is not cut. */
    public static String cutPrefix(String reported) {
        String prefix = reported.endsWith(CUT_MARK) ? reported.substring(0, reported.length() - CUT_MARK.length())
                : reported.endsWith("…") ? reported.substring(0, reported.length() - 1) : null;
        return prefix == null || prefix.isEmpty() ? null : prefix;
    }

    /** True when a reported id is the user's: equal, or a cut id whose kept start the user id starts with. */
    public static boolean sameUser(String reported, String userId) {
        if (reported.equals(userId)) {
            return true;
        }
        String prefix = cutPrefix(reported);
        return prefix != null && userId.startsWith(prefix);
    }

    /**
     * The id for showing in a left-to-right interface: an id with right-to-left letters is wrapped in
     * invisible left-to-right marks (and gets one before a tab number), so {@code عمر #2} keeps its
     * number on the right, a text it starts is not laid out right to left as a whole, and the text
     * that follows is not pulled into the name. Other ids are returned as they are. For display
     * only: never store or compare the result.
     */
    public static String forDisplay(String id) {
        if (id == null || !hasRightToLeft(id)) {
            return id;
        }
        int tab = id.lastIndexOf(" #");
        StringBuilder out = new StringBuilder(id.length() + 3).append(LEFT_TO_RIGHT_MARK);
        if (tab > 0 && tab + 2 < id.length() && id.substring(tab + 2).chars().allMatch(Character::isDigit)) {
            out.append(id, 0, tab).append(LEFT_TO_RIGHT_MARK).append(id, tab, id.length());
        } else {
            out.append(id);
        }
        return out.append(LEFT_TO_RIGHT_MARK).toString();
    }

    /**
     * A line of text (a finding's message) for showing in a left-to-right interface: one that holds
     * right-to-left letters starts with an invisible left-to-right mark, so a message beginning with
     * an Arabic name still reads from the left. For display only.
     */
    public static String leftToRight(String text) {
        return text == null || !hasRightToLeft(text) ? text : LEFT_TO_RIGHT_MARK + text;
    }

    /** True when the text holds a letter of a right-to-left script (Arabic, Hebrew, …). */
    public static boolean hasRightToLeft(String text) {
        return text.codePoints().anyMatch(cp -> {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }
}
