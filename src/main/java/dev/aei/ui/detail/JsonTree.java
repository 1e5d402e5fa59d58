package dev.aei.ui.detail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aei.protocol.TextCut;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.TreeItem;

/** Builds a tree of "key: value" items from JSON, objects and arrays expanded. */
final class JsonTree {
    private static final int MAX_VALUE = 200;

    private JsonTree() {
    }

    static TreeItem<String> of(JsonNode json) {
        TreeItem<String> root = item("event", json);
        root.setExpanded(true);
        return root;
    }

    private static TreeItem<String> item(String key, JsonNode node) {
        if (node.isObject()) {
            TreeItem<String> item = new TreeItem<>(key + "  {" + node.size() + "}");
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                item.getChildren().add(item(field.getKey(), field.getValue()));
            }
            item.setExpanded(true);
            return item;
        }
        if (node.isArray()) {
            TreeItem<String> item = new TreeItem<>(key + "  [" + node.size() + "]");
            for (int i = 0; i < node.size(); i++) {
                item.getChildren().add(item("[" + i + "]", node.get(i)));
            }
            item.setExpanded(true);
            return item;
        }
        String value = node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
        value = TextCut.shorten(value, MAX_VALUE + 1);
        return new TreeItem<>(key + ":  " + value);
    }
}
