package dev.aei.inspect;

import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Event profiles by name or file, each loaded once, and the decoders made from them; counts every
 * frame those decoders decoded, so a test can check that each frame is decoded once.
 */
public final class Decoders {
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();
    private final List<EventDecoder> made = new CopyOnWriteArrayList<>();

    /**
     * A fresh decoder (each session counts its own decodes) for the profile.
     *
     * @throws IllegalArgumentException naming the profile when it cannot be loaded
     */
    public EventDecoder decoder(String profile, int maxFrameBytes) {
        EventDecoder decoder = new EventDecoder(profile(profile), maxFrameBytes);
        made.add(decoder);
        return decoder;
    }

    /** Frames decoded so far by every decoder made here. */
    public long decodedFrames() {
        return made.stream().mapToLong(EventDecoder::decodedFrames).sum();
    }

    /** The profile, loaded once. */
    public Profile profile(String profile) {
        try {
            return profiles.computeIfAbsent(profile, Profile::load);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The event profile " + profile + " could not be loaded: "
                    + e.getMessage(), e);
        }
    }
}
