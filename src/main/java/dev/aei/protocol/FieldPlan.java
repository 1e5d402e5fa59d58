package dev.aei.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile's field paths compiled into a tree of field names, so a streaming read knows at
 * each field whether the profile wants its value (and for which field, at which lookup rank)
 * without building the object.
 */
final class FieldPlan {
    /** The fields a profile locates, in the order of {@link Profile.Fields}. */
    enum Field { TYPE, SEQ, TIMESTAMP, USER_ID, CONNECTION_USER_ID, THREAD_ID, RUN_ID, TOOL_CALL_ID, TOOL_NAME,
        ATTEMPT, OUTGOING_THREAD_ID,
        /** The paths the client contract reads: only whether each holds a value is kept. */
        PRESENCE,
        /** A key the profile's grammar reads (a pair's key, an event id): one group of slots per key. */
        KEY,
        /** The text a pair's inside events stream: like a key, but only a string counts. */
        TEXT }

    static final int FIELD_COUNT = Field.values().length;

    /** One field name on some path: the fields whose value sits here, and the names below it. */
    static final class Step {
        private final Map<String, Step> children = new HashMap<>();
        /**
         * The children again as an open-addressing table (names interned, as the parser's are), so
         * a lookup is mostly one reference comparison; null while there are none.
         */
        private String[] names;
        private Step[] steps;
        /** The slots (one per field and path) whose value sits here. */
        private int[] slots = new int[0];
        /** A top-level delivery field (seq, attempt, timestamp): left out of the content hash. */
        private boolean deliveryField;

        /** The step for a field name below this one, or null when no path goes there. */
        Step child(String name) {
            String[] keys = names;
            if (keys == null) {
                return null;
            }
            int mask = keys.length - 1;
            for (int i = name.hashCode() & mask; keys[i] != null; i = (i + 1) & mask) {
                if (keys[i] == name || keys[i].equals(name)) {
                    return steps[i];
                }
            }
            return null;
        }

        boolean hasChildren() {
            return names != null;
        }

        /** Builds the lookup tables of this step and those below it. */
        private void seal() {
            if (children.isEmpty()) {
                return;
            }
            int size = Integer.highestOneBit(children.size() * 4 - 1) * 2; // at most a quarter full
            names = new String[size];
            steps = new Step[size];
            children.forEach((name, child) -> {
                int i = name.hashCode() & (size - 1);
                while (names[i] != null) {
                    i = (i + 1) & (size - 1);
                }
                names[i] = name;
                steps[i] = child;
                child.seal();
            });
        }

        int[] slots() {
            return slots;
        }

        boolean deliveryField() {
            return deliveryField;
        }

        private void want(int slot) {
            slots = Arrays.copyOf(slots, slots.length + 1);
            slots[slots.length - 1] = slot;
        }
    }

    private final Step root = new Step();
    /**
     * Per slot, its field and its group; per group, its slots in lookup order. A group is a field's
     * ordinal, or {@code FIELD_COUNT + k} for key {@code k} of the grammar.
     */
    private final Field[] slotFields;
    private final int[] slotGroups;
    /** Per slot, its rank in its group's lookup order (for presence paths: the path's bit). */
    private final int[] slotRanks;
    private final int[][] groupSlots;
    private final int keyCount;

    FieldPlan(Profile.Fields fields) {
        this(fields, List.of(), List.of(), List.of());
    }

    /**
     * A plan that also notes which of {@code presencePaths} (at most 64) hold a value, reads each
     * of {@code keyPaths} as a key of its own and each of {@code textPaths} as a streamed text.
     */
    FieldPlan(Profile.Fields fields, List<String> presencePaths, List<JsonPaths> keyPaths, List<JsonPaths> textPaths) {
        List<JsonPaths> byGroup = new ArrayList<>(List.of(fields.type(), fields.seq(), fields.timestamp(),
                fields.userId(), fields.connectionUserId(), fields.threadId(), fields.runId(), fields.toolCallId(),
                fields.toolName(), fields.attempt(), fields.outgoingThreadId(), new JsonPaths(presencePaths),
                new JsonPaths(List.of()), new JsonPaths(List.of())));
        byGroup.addAll(keyPaths);
        byGroup.addAll(textPaths);
        this.keyCount = keyPaths.size();
        groupSlots = new int[byGroup.size()][];
        List<Field> slots = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (int group = 0; group < byGroup.size(); group++) {
            JsonPaths paths = byGroup.get(group);
            Field field = group < FIELD_COUNT ? Field.values()[group]
                    : group < FIELD_COUNT + keyPaths.size() ? Field.KEY : Field.TEXT;
            groupSlots[group] = new int[paths.paths().size()];
            for (int rank = 0; rank < paths.paths().size(); rank++) {
                groupSlots[group][rank] = slots.size();
                place(paths.segments(rank)).want(slots.size());
                slots.add(field);
                groups.add(group);
                ranks.add(rank);
            }
        }
        slotFields = slots.toArray(new Field[0]);
        slotGroups = groups.stream().mapToInt(Integer::intValue).toArray();
        slotRanks = ranks.stream().mapToInt(Integer::intValue).toArray();
        // Redeliveries differ in these; the duplicate check compares everything else.
        List<String> delivery = new ArrayList<>(fields.seq().topLevelNames());
        delivery.addAll(fields.attempt().topLevelNames());
        delivery.addAll(fields.timestamp().topLevelNames());
        delivery.forEach(name -> place(List.of(name)).deliveryField = true);
        root.seal();
    }

    /** The step for the top level of an event object. */
    Step root() {
        return root;
    }

    int slotCount() {
        return slotFields.length;
    }

    Field fieldOf(int slot) {
        return slotFields[slot];
    }

    /** A slot's rank in its group's lookup order. */
    int rankOf(int slot) {
        return slotRanks[slot];
    }

    /** A field's slots, one per path, in lookup order. */
    int[] slotsOf(Field field) {
        return groupSlots[field.ordinal()];
    }

    /** The group a slot's value counts for: its field's ordinal, or {@code FIELD_COUNT + k} for key k. */
    int groupOf(int slot) {
        return slotGroups[slot];
    }

    /** A group's slots, one per path, in lookup order. */
    int[] slotsOfGroup(int group) {
        return groupSlots[group];
    }

    /** The group of streamed text {@code k}: after the fields and the keys. */
    int textGroup(int k) {
        return FIELD_COUNT + keyCount + k;
    }

    /** How many groups there are: the fields, then the keys, then the streamed texts. */
    int groupCount() {
        return groupSlots.length;
    }

    private Step place(List<String> path) {
        Step step = root;
        for (String name : path) {
            // Interned like the parser's field names, so lookups mostly compare references.
            step = step.children.computeIfAbsent(name.intern(), k -> new Step());
        }
        return step;
    }
}
