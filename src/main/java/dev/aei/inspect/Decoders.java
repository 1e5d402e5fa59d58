package dev.aei.inspect;

import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Event profiles by name or file, each loaded once, and a decoder per profile and frame size limit. */
public final class Decoders {
    private final Map<String, Profile> profiles = new ConcurrentHashMap<>();

    /**
     * A fresh decoder (each session counts its own decodes) for the profile.
     *
     * @throws IllegalArgumentException naming the profile when it cannot be loaded
     */
    public EventDecoder decoder(String profile, int maxFrameBytes) {
        return new EventDecoder(profile(profile), maxFrameBytes);
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
