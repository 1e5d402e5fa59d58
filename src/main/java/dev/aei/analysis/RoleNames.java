package dev.aei.analysis;

import dev.aei.protocol.EventRole;
import dev.aei.protocol.Profile;
import java.util.EnumMap;
import java.util.Map;

/** The profile's main event name per role (the first it lists), for messages ("not agent_started"). */
final class RoleNames {
    private final Map<EventRole, String> names = new EnumMap<>(EventRole.class);

    RoleNames(Profile profile) {
        profile.roles().forEach((type, role) -> names.putIfAbsent(role, type)); // aliases (tool_call, agent_finished…) come after the main name
    }

    /** E.g. {@code agent_started}, or the role's name when the profile has no type for it. */
    String of(EventRole role) {
        return names.getOrDefault(role, role.name().toLowerCase(java.util.Locale.ROOT));
    }
}
