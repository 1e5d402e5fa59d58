package dev.aei.ui.common;

/** One gesture or key of a view and what it does, as the help dialog lists them. */
public record Gesture(String gesture, String effect) {
}
