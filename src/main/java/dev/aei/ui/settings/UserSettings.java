package dev.aei.ui.settings;

/**
 * A test user as kept in the settings file.
 *
 * @param id         the user id (JWT {@code sub})
 * @param claimsJson extra claims as a JSON object text
 * @param enabled    whether "connect all" signs this user in
 */
public record UserSettings(String id, String claimsJson, boolean enabled) {

    public UserSettings {
        claimsJson = claimsJson == null || claimsJson.isBlank() ? "{}" : claimsJson;
    }

    /** An enabled user with no extra claims. */
    public static UserSettings named(String id) {
        return new UserSettings(id, "{}", true);
    }
}
