package dev.aei.ui.settings;

/**
 * A test user as kept in the settings file: one row of the sign-in table, which is one connection.
 *
 * @param id         the row's name: the user id (JWT {@code sub}), or {@code alice #2} for another
 *                   connection (tab) of a user
 * @param claimsJson extra claims as a JSON object text
 * @param enabled    whether "connect all" signs this user in
 * @param user       the user id when the row is another connection of a user ({@code alice} for
 *                   {@code alice #2}); empty when the row is the user itself
 */
public record UserSettings(String id, String claimsJson, boolean enabled, String user) {

    public UserSettings {
        claimsJson = claimsJson == null || claimsJson.isBlank() ? "{}" : claimsJson;
        user = user == null || user.equals(id) ? "" : user;
    }

    /** A row that is the user itself. */
    public UserSettings(String id, String claimsJson, boolean enabled) {
        this(id, claimsJson, enabled, "");
    }

    /** An enabled user with no extra claims. */
    public static UserSettings named(String id) {
        return new UserSettings(id, "{}", true);
    }

    /** The user id the row signs in as: {@code user} for another connection, else {@code id}. */
    public String userId() {
        return user.isEmpty() ? id : user;
    }
}
