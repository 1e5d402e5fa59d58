package dev.aei.capture;

import java.util.List;

/**
 * A journal loaded back into a session.
 *
 * @param session      the recovered session
 * @param lines        lines read (header included)
 * @param skippedLines lines that could not be read (a cut-off last line after a crash, garbled lines)
 * @param problems     what was wrong with the first few skipped lines, e.g. {@code line 12: not JSON}
 */
public record JournalLoad(Session session, int lines, int skippedLines, List<String> problems) {

    public JournalLoad {
        problems = List.copyOf(problems);
    }
}
