package dev.aei.analysis;

import dev.aei.protocol.EventRole;
import dev.aei.protocol.Profile;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/** The profile's event names per role, for messages ("not agent_started"). */
final class RoleNames {
    private final Map<EventRole, String> names = new EnumMap<>(EventRole.class);

    RoleNames(Profile profile) {
        Map<EventRole, TreeSet<String>> byRole = new EnumMap<>(EventRole.class);
        profile.roles().forEach((type, role) -> byRole.computeIfAbsent(role, r -> new TreeSet<>()).add(type));
        byRole.forEach((role, types) -> names.put(role, String.join("/", types)));
    }

    /** E.g. {@code agent_started}, or the role's name when the profile has no type for it. */
    String of(EventRole role) {
        return names.getOrDefault(role, role.name().toLowerCase(java.util.Locale.ROOT));
    }
}
