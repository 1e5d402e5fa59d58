package dev.aei.protocol;

/**
 * How a backend's frames are read: where each field sits and which event names play which role.
 * Profiles are data files ({@code netra.json}, {@code ag-ui.json} shipped as resources).
 *
 * @param name the profile's name
 */
public record Profile(String name) {

    /** Loads a shipped profile by name ({@code netra}, {@code ag-ui}) or a profile file by path. */
    public static Profile load(String nameOrPath) {
        throw new UnsupportedOperationException("not built yet");
    }
}
