package dev.aei.ui.help;

import javafx.scene.input.KeyCombination;

/**
 * A keyboard shortcut: the keys, what they do, and the action. One list of these drives both
 * the window's accelerators and the help dialog, so the two never disagree.
 *
 * @param keys        the key combination
 * @param description what it does, in a few words
 * @param action      what runs (on the FX thread)
 */
public record Shortcut(KeyCombination keys, String description, Runnable action) {

    /** The keys as shown to people, e.g. "Ctrl+Shift+C". */
    public String keysText() {
        return keys.getDisplayText();
    }
}
