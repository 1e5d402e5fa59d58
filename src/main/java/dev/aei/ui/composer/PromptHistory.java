package dev.aei.ui.composer;

import java.util.ArrayList;
import java.util.List;

/** Prompts sent before, newest last, walked with up/down like a shell history. */
public final class PromptHistory {
    private final int limit;
    private final List<String> entries = new ArrayList<>();
    private int cursor;

    public PromptHistory(List<String> initial, int limit) {
        this.limit = limit;
        initial.forEach(this::remember);
    }

    /** Records a sent prompt (moving a repeat to the end) and resets the walk. */
    public void remember(String prompt) {
        String clean = prompt.strip();
        if (clean.isEmpty()) {
            return;
        }
        entries.remove(clean);
        entries.add(clean);
        while (entries.size() > limit) {
            entries.remove(0);
        }
        cursor = entries.size();
    }

    /** One step back in time (up key); stays on the oldest. */
    public String previous(String current) {
        if (entries.isEmpty()) {
            return current;
        }
        cursor = Math.max(0, cursor - 1);
        return entries.get(cursor);
    }

    /** One step forward (down key); past the newest gives an empty prompt. */
    public String next() {
        if (cursor >= entries.size() - 1) {
            cursor = entries.size();
            return "";
        }
        cursor++;
        return entries.get(cursor);
    }

    /** The prompts, newest last. */
    public List<String> entries() {
        return List.copyOf(entries);
    }
}
