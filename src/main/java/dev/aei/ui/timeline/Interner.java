package dev.aei.ui.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Gives each distinct string (run id, tool name) a small int, so tracks store ints, not strings. */
final class Interner {
    static final int NONE = -1;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> strings = new ArrayList<>();

    int id(String value) {
        if (value == null) {
            return NONE;
        }
        Integer id = ids.get(value);
        if (id == null) {
            id = strings.size();
            ids.put(value, id);
            strings.add(value);
        }
        return id;
    }

    String string(int id) {
        return id == NONE ? null : strings.get(id);
    }
}
