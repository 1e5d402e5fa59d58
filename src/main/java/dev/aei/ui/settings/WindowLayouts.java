package dev.aei.ui.settings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The main window's layout for each arrangement of screens it was used on (a laptop alone, the laptop
 * with a monitor, …), most recently used last; only the latest few arrangements are kept.
 *
 * @param byScreens the layouts by the name of their screen arrangement
 */
public record WindowLayouts(Map<String, WindowLayout> byScreens) {
    /** How many arrangements are remembered. */
    static final int KEPT = 8;

    public WindowLayouts {
        byScreens = byScreens == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(byScreens));
    }

    /** Nothing remembered yet. */
    public static WindowLayouts none() {
        return new WindowLayouts(Map.of());
    }

    /** The layout last used on this arrangement of screens. */
    public Optional<WindowLayout> on(String screens) {
        return Optional.ofNullable(byScreens.get(screens));
    }

    /** These layouts with {@code layout} as the latest for {@code screens}; the oldest are dropped past {@value #KEPT}. */
    public WindowLayouts with(String screens, WindowLayout layout) {
        LinkedHashMap<String, WindowLayout> next = new LinkedHashMap<>(byScreens);
        next.remove(screens);
        next.put(screens, layout);
        while (next.size() > KEPT) {
            next.remove(next.keySet().iterator().next());
        }
        return new WindowLayouts(next);
    }
}
