package dev.aei.ui.frames;

/**
 * Where a search matched within a text: {@code start} inclusive, {@code end} exclusive.
 *
 * @param start the first character of the match
 * @param end   the character after it
 */
public record Match(int start, int end) {
}
