package dev.aei.protocol;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt marker formats a session is checked with: this tool's own ({@link CanaryPattern#OURS},
 * which its prompts carry, so it is always on) and any others configured. Safe for concurrent use.
 */
public final class CanaryPatterns {
    /** Only this tool's own markers. */
    public static final CanaryPatterns DEFAULT = new CanaryPatterns(List.of());

    private final List<CanaryPattern> patterns;
    private final List<Pattern> others;
    private final List<Boolean> namesUser;

    /** Ours plus these (ours given again is not checked twice). */
    public CanaryPatterns(List<CanaryPattern> configured) {
        Set<CanaryPattern> all = new LinkedHashSet<>();
        all.add(CanaryPattern.OURS);
        all.addAll(configured);
        this.patterns = List.copyOf(all);
        List<CanaryPattern> rest = patterns.subList(1, patterns.size());
        this.others = rest.stream().map(CanaryPattern::compiled).toList();
        this.namesUser = rest.stream().map(CanaryPattern::namesUser).toList();
    }

    /** Every format checked, ours first. */
    public List<CanaryPattern> patterns() {
        return patterns;
    }

    /** Every marker of any format in the text, ours first, each once. */
    public List<CanaryPattern.Marker> findAll(String text) {
        return findAll(text, (String) null);
    }

    /**
     * Every marker in the text, as {@link #findAll(String)} gives them; a frame whose only marker is
     * of our format gets its answer from {@code recent} (the same list for every frame of a run).
     */
    public List<CanaryPattern.Marker> findAll(String text, RecentMarkers recent) {
        if (text == null || !others.isEmpty()) {
            return findAll(text);
        }
        Canary ours = Canary.DEFAULT;
        int at = ours.next(text, 0);
        if (at < 0) {
            return List.of();
        }
        if (ours.next(text, at + ours.length()) >= 0) {
            return findAll(text);
        }
        return recent.of(text, at, ours.length());
    }

    /**
     * Every marker in the text as {@link #findAll(String)} gives them, except markers of our own
     * format equal to {@code known} (may be null): a lane's own marker, which needs no answer.
     */
    public List<CanaryPattern.Marker> findAll(String text, String known) {
        if (text == null) {
            return List.of();
        }
        List<String> ours = Canary.DEFAULT.findAll(text, known); // scanned by hand: this runs on every frame
        if (others.isEmpty()) {
            if (ours.isEmpty()) {
                return List.of();
            }
            if (ours.size() == 1) {
                return List.of(new CanaryPattern.Marker(ours.get(0), null)); // nearly every frame that has one
            }
            List<CanaryPattern.Marker> markers = new ArrayList<>(ours.size());
            for (String marker : ours) {
                markers.add(new CanaryPattern.Marker(marker, null));
            }
            return markers;
        }
        List<CanaryPattern.Marker> found = new ArrayList<>();
        ours.forEach(m -> found.add(new CanaryPattern.Marker(m, null)));
        for (int i = 0; i < others.size(); i++) {
            Matcher m = others.get(i).matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) {
                    continue;
                }
                String user = namesUser.get(i) ? m.group(CanaryPattern.USER_GROUP) : null;
                if (user != null && user.isEmpty()) {
                    user = null;
                }
                CanaryPattern.Marker marker = new CanaryPattern.Marker(m.group(), user);
                if (!found.contains(marker)) {
                    found.add(marker);
                }
            }
        }
        return found;
    }
}
