package dev.aei.ui.timeline;

/**
 * One mark on the time axis.
 *
 * @param nanos where, on the session clock
 * @param label what to print under it
 * @param major true on a coarser boundary (drawn stronger, labelled in full)
 */
public record Tick(long nanos, String label, boolean major) {
}
