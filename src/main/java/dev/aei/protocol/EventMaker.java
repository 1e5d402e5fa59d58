package dev.aei.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aei.capture.Frame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes the {@link AgentEvent}s of what an {@link ObjectScan} read, through a profile: each type's
 * role, pair and streamed text group are resolved once here rather than looked up per event, and
 * thread ids are derived from run ids where the event names none. Thread-safe.
 */
final class EventMaker {
    private static final int MAX_PREFIXED_TYPES = 256;

    private final Profile profile;
    private final ObjectMapper mapper;
    /** Counts the JSON trees built on demand for the events made here. */
    private final LongAdder trees;
    private final Map<String, KnownType> types = new HashMap<>();
    /**
     * The roles of types the profile names only by a prefix, or not at all (none), as looked up so
     * far: the lookup walks every role name. Bounded, since a backend may send any types.
     */
    private final Map<String, Optional<EventRole>> byPrefix = new ConcurrentHashMap<>();
    private final ThreadIds threads;
    /** The grammar key holding the event id, or -1. */
    private final int idSlot;

    /**
     * An event type the profile knows: its name, its role, its part in a pair (or null) and, for an
     * inside event of a pair that streams text, the plan's group of that text (else -1).
     */
    private record KnownType(String name, EventRole role, Grammar.Member member, int textGroup) {
    }

    /** The texts the profile's pairs stream, in the order a {@link FieldPlan} is given them. */
    static List<JsonPaths> streamedTexts(Profile profile) {
        List<JsonPaths> texts = new ArrayList<>();
        for (Grammar.Pair pair : profile.grammar().pairs()) {
            if (!pair.text().paths().isEmpty()) {
                texts.add(pair.text());
            }
        }
        return texts;
    }

    /** A maker over {@code plan}, which was built with {@link #streamedTexts} of the same profile. */
    EventMaker(Profile profile, FieldPlan plan, ObjectMapper mapper, LongAdder trees) {
        this.profile = profile;
        this.mapper = mapper;
        this.trees = trees;
        Map<Grammar.Pair, Integer> textGroups = new IdentityHashMap<>();
        for (Grammar.Pair pair : profile.grammar().pairs()) {
            if (!pair.text().paths().isEmpty()) {
                textGroups.put(pair, plan.textGroup(textGroups.size()));
            }
        }
        Map<String, Grammar.Member> members = profile.grammar().members();
        profile.roles().forEach((name, role) -> types.put(name, new KnownType(name, role, members.get(name),
                textGroupOf(members.get(name), textGroups))));
        this.idSlot = profile.grammar().runs().idSlot();
        this.threads = new ThreadIds(profile);
    }

    /** The event of a received object that {@code scan} read, over {@code text} from {@code start} to {@code end}. */
    AgentEvent event(String lane, Frame frame, ObjectScan scan, String text, int start, int end) {
        String type = scan.text(FieldPlan.Field.TYPE);
        KnownType known = type == null ? null : types.get(type);
        if (known == null && type != null) {
            EventRole prefixed = roleByPrefix(type); // a type under a prefix such as mcp_*
            known = prefixed == null ? null : new KnownType(type, prefixed, null, -1);
        }
        EventRole role;
        String problem = null;
        Grammar.Pair pair = known == null || known.member() == null ? null : known.member().pair();
        if (known == null) {
            role = EventRole.UNKNOWN;
            problem = type == null ? "event without a type" : "unknown event type '" + type + "'";
        } else {
            role = known.role();
            type = known.name(); // one shared copy of the name instead of one per event
        }
        String runId = scan.text(FieldPlan.Field.RUN_ID);
        String threadId = scan.text(FieldPlan.Field.THREAD_ID);
        if (threadId == null) {
            threadId = threads.of(runId);
        }
        String userId = scan.text(role == EventRole.CONNECTION ? FieldPlan.Field.CONNECTION_USER_ID
                : FieldPlan.Field.USER_ID);
        EventText source = new EventText(text, start, end, scan.contentHash(), scan.wholeSecondTime(), scan.presence(),
                mapper, trees);
        return new AgentEvent(lane, frame.index(), frame.nanos(), type, role, runId, threadId, userId, scan.seq(),
                scan.time(), scan.text(FieldPlan.Field.TOOL_CALL_ID), scan.text(FieldPlan.Field.TOOL_NAME),
                scan.attempt(), null, problem, source, pair == null ? null : known.member(),
                pair == null ? null : scan.key(pair.keySlot()),
                pair == null ? null : scan.key(pair.fallbackSlot()), scan.key(idSlot),
                pair == null ? null : streamed(known, scan));
    }

    /**
     * The outgoing event of a frame whose object {@code scan} read: a keep-alive this tool sent (a
     * ping, a pong, a heartbeat answer) is {@link EventRole#HEARTBEAT} traffic like the server's, so
     * the timeline does not draw every ping as a prompt; any other message is {@link EventRole#OUTGOING}.
     */
    AgentEvent outgoing(String lane, Frame frame, ObjectScan scan) {
        String text = frame.text();
        String type = scan.text(FieldPlan.Field.TYPE);
        EventRole role = type != null && roleOf(type) == EventRole.HEARTBEAT ? EventRole.HEARTBEAT
                : EventRole.OUTGOING;
        return new AgentEvent(lane, frame.index(), frame.nanos(), type, role,
                null, scan.text(FieldPlan.Field.OUTGOING_THREAD_ID), null, null, null, null, null, 1, null, null,
                new EventText(text, 0, text.length(), scan.contentHash(), scan.wholeSecondTime(), 0, mapper, trees));
    }

    /** The profile's role of a type, or null. */
    private EventRole roleOf(String type) {
        KnownType known = types.get(type);
        return known != null ? known.role() : roleByPrefix(type);
    }

    /** The role of a type the profile does not name exactly, or null. */
    private EventRole roleByPrefix(String type) {
        Optional<EventRole> role = byPrefix.get(type);
        if (role == null) {
            role = Optional.ofNullable(profile.role(type));
            if (byPrefix.size() < MAX_PREFIXED_TYPES) {
                byPrefix.put(type, role);
            }
        }
        return role.orElse(null);
    }

    /** The one event of a frame that is no event: malformed, binary or unreadable, with why. */
    static AgentEvent flagged(String lane, Frame frame, EventRole role, String problem) {
        return new AgentEvent(lane, frame.index(), frame.nanos(), null, role, null, null, null, null, null, null,
                null, 1, null, problem);
    }

    /** The text an inside event of a pair that streams text carries, or null. */
    private static String streamed(KnownType known, ObjectScan scan) {
        return known.textGroup() < 0 ? null : scan.streamed(known.textGroup());
    }

    /** The plan's group of the text an inside event of this pair member streams, or -1. */
    private static int textGroupOf(Grammar.Member member, Map<Grammar.Pair, Integer> textGroups) {
        if (member == null || member.part() != Grammar.Part.INSIDE) {
            return -1;
        }
        Integer group = textGroups.get(member.pair());
        return group == null ? -1 : group;
    }
}
