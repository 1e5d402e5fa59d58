package dev.aei.ui.timeline;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * See-through variants of the palette's colours, made once and reused: a canvas skips setting a
 * paint that is the same instance as the current one, and a redraw asks for the same few fades
 * thousands of times.
 */
final class Fades {
    /** More than a theme's colours times the opacities in use; a theme switch may leave old entries. */
    private static final int MAX_ENTRIES = 512;

    /** The last few asked for, checked before the map so a redraw's repeated asks allocate no key. */
    private static final int RECENT = 8;

    private final Map<Key, Color> made = new HashMap<>();
    private final Color[] recentColor = new Color[RECENT];
    private final double[] recentOpacity = new double[RECENT];
    private final Color[] recentFade = new Color[RECENT];
    private int next;

    /** {@code color} with its opacity scaled by {@code opacity}. */
    Color of(Color color, double opacity) {
        for (int i = 0; i < RECENT; i++) {
            if (recentColor[i] == color && recentOpacity[i] == opacity) {
                return recentFade[i];
            }
        }
        Color fade = made(color, opacity);
        recentColor[next] = color;
        recentOpacity[next] = opacity;
        recentFade[next] = fade;
        next = (next + 1) % RECENT;
        return fade;
    }

    private Color made(Color color, double opacity) {
        Key key = new Key(color, opacity);
        Color fade = made.get(key);
        if (fade == null) {
            if (made.size() >= MAX_ENTRIES) {
                made.clear();
            }
            fade = Color.color(color.getRed(), color.getGreen(), color.getBlue(), color.getOpacity() * opacity);
            made.put(key, fade);
        }
        return fade;
    }

    private record Key(Color color, double opacity) {
    }
}
