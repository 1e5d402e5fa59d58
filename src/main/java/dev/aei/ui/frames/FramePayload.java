package dev.aei.ui.frames;

import dev.aei.capture.Frame;

/** The text of a frame as the table searches and previews it. */
final class FramePayload {
    /** Characters of a preview line. */
    static final int PREVIEW = 240;
    /** Characters shown before the first match when a preview is cut around it. */
    private static final int BEFORE_MATCH = 40;

    private FramePayload() {
    }

    /** What a search reads: the text, or the base64 of a binary payload. */
    static String searchText(Frame frame) {
        return frame.hasText() ? frame.text() : frame.displayText();
    }

    /**
     * One line of {@code text} for the preview column: line breaks and tabs as spaces, at most
     * {@value #PREVIEW} characters, starting a little before {@code matchAt} when that lies further.
     */
    static String line(String text, int matchAt) {
        int start = matchAt > PREVIEW - BEFORE_MATCH ? matchAt - BEFORE_MATCH : 0;
        int end = Math.min(text.length(), start + PREVIEW);
        StringBuilder line = new StringBuilder(end - start + 2);
        if (start > 0) {
            line.append('…');
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            line.append(c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
        }
        if (end < text.length()) {
            line.append('…');
        }
        return line.toString();
    }

    /** A size for people: bytes, then kB and MB. */
    static String size(int bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f kB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
