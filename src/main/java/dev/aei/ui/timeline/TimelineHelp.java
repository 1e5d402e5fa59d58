package dev.aei.ui.timeline;

import dev.aei.ui.common.Gesture;
import java.util.List;

/** What the mouse and the keys do on the timeline (what {@code TimelineInput} handles), for the help dialog. */
public final class TimelineHelp {
    /** What the mouse does on the timeline, for the help dialog (what {@code TimelineInput} handles). */
    public static final List<Gesture> GESTURES = List.of(
            new Gesture("Wheel", "Zoom in or out around the pointer: the time under it stays under it"),
            new Gesture("Shift + wheel", "Scroll the lanes up and down (many users)"),
            new Gesture("Sideways wheel or drag", "Pan along the time axis; panning back pauses following live"),
            new Gesture("Click a mark", "Select the nearest event: the detail pane shows it"),
            new Gesture("Click a finding sign", "Select the finding's first frame"),
            new Gesture("Hover", "A card saying what the event, finding or lane name is"),
            new Gesture("Click the LIVE / paused badge",
                    "Pause or resume following the newest events (End resumes too)"));

    /** What the keys do while the timeline has the focus, for the help dialog. */
    public static final List<Gesture> KEYS = List.of(
            new Gesture("Shift+Right / Shift+Left", "Select the user's next / previous event (from the left edge"
                    + " when none is selected)"),
            new Gesture("Left / Right", "Pan along the time axis"),
            new Gesture("Up / Down", "Scroll the lanes"),
            new Gesture("+ / -", "Zoom in / out around the middle"),
            new Gesture("F", "Fit everything"),
            new Gesture("Home / End", "Go to the start / follow live"),
            new Gesture("Esc", "Clear the selection"));

    private TimelineHelp() {
    }
}
