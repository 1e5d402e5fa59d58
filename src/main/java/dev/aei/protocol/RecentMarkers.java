package dev.aei.protocol;

import java.util.List;

/**
 * The answers for frames that carry exactly one marker of our format, remembered for the most
 * recent markers: every event of a run repeats its prompt's marker, so most frames find their
 * answer here instead of cutting the marker out again. A small fixed table, so it never grows;
 * safe for concurrent use (entries are immutable, a lost update only costs a recomputation).
 */
public final class RecentMarkers {
    private static final int SLOTS = 1024;

    private final Entry[] entries = new Entry[SLOTS];

    private record Entry(String marker, List<CanaryPattern.Marker> answer) {
    }

    /** The one-marker answer for the marker of {@code length} characters at {@code at} in the text. */
    List<CanaryPattern.Marker> of(String text, int at, int length) {
        int hash = 0;
        for (int i = at; i < at + length; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        int slot = (hash ^ hash >>> 16) & (SLOTS - 1);
        Entry entry = entries[slot];
        if (entry != null && text.regionMatches(at, entry.marker(), 0, length)) {
            return entry.answer();
        }
        String marker = text.substring(at, at + length);
        List<CanaryPattern.Marker> answer = List.of(new CanaryPattern.Marker(marker, null));
        entries[slot] = new Entry(marker, answer);
        return answer;
    }
}
