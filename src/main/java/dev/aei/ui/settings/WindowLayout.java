package dev.aei.ui.settings;

import java.util.List;

/**
 * Where the main window was on one arrangement of screens, and how its panes were split.
 *
 * @param x         the window's left edge when it was last neither maximized nor full screen
 * @param y         its top edge then
 * @param width     its width then
 * @param height    its height then
 * @param maximized whether it was maximized
 * @param dividers  each split pane's divider positions (0 to 1), outermost pane first
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized,
                           List<List<Double>> dividers) {

    public WindowLayout {
        dividers = dividers == null ? List.of()
                : dividers.stream().map(d -> d == null ? List.<Double>of() : List.copyOf(d)).toList();
    }
}
