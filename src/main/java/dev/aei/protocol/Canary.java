package dev.aei.protocol;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The per-user, per-message marker appended to every prompt this tool sends. Seen in another
 * lane's frames it proves a leak even when the backend's ownership fields lie.
 *
 * @param prefix the marker's fixed start, {@code cnry-} by default
 */
public record Canary(String prefix) {
    /** The default marker format: {@code cnry-} followed by 10 lower-case hex digits. */
    public static final Canary DEFAULT = new Canary("cnry-");

    private static final int HEX_DIGITS = 10;

    public Canary {
        if (prefix == null || prefix.isBlank() || !prefix.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("canary prefix must be letters, digits, '-' or '_': " + prefix);
        }
    }

    /** A fresh, unguessable marker. */
    public String next(SecureRandom random) {
        byte[] bytes = new byte[HEX_DIGITS / 2];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    /** The prompt as sent: the user's text followed by the marker. */
    public String mark(String prompt, String marker) {
        return prompt + " [" + marker + "]";
    }

    /** Every marker of this format found anywhere in the text, in order. */
    public List<String> findAll(String text) {
        return findAll(text, null);
    }

    /**
     * Every marker of this format in the text, in order, except those equal to {@code known} (may
     * be null): most frames carry only their own lane's marker, which is then compared in place
     * instead of being cut out as a string of its own.
     */
    public List<String> findAll(String text, String known) {
        List<String> found = List.of();
        if (text == null) {
            return found;
        }
        int length = length();
        boolean skipKnown = known != null && known.length() == length;
        for (int at = next(text, 0); at >= 0; at = next(text, at + length)) {
            if (!skipKnown || !text.regionMatches(at, known, 0, length)) {
                found = with(found, text.substring(at, at + length));
            }
        }
        return found;
    }

    /** How many characters a marker of this format has. */
    public int length() {
        return prefix.length() + HEX_DIGITS;
    }

    /**
     * Where the next marker starts in the text at or after {@code from}, or -1. Scanned by hand
     * rather than by regex: this runs on every incoming frame.
     */
    public int next(String text, int from) {
        int length = length();
        int at = text.indexOf(prefix, from);
        while (at >= 0) {
            int end = at + length;
            if (end <= text.length() && isLowerHex(text, at + prefix.length(), end)) {
                return at;
            }
            at = text.indexOf(prefix, at + 1);
        }
        return -1;
    }

    /** The list with one more marker: a frame nearly always carries one, which needs no array list. */
    private static List<String> with(List<String> found, String marker) {
        if (found.isEmpty()) {
            return List.of(marker);
        }
        List<String> more = found.size() == 1 ? new ArrayList<>(found) : found; // the second one: now a list that grows
        more.add(marker);
        return more;
    }

    private static boolean isLowerHex(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
