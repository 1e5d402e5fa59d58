package dev.aei.ui.common;

import dev.aei.protocol.IdText;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;

/**
 * A table cell showing a user or lane name as it reads (a right-to-left name keeps its tab number
 * and its neighbours apart), with the whole name as a tooltip, since a narrow column shortens it.
 *
 * @param <S> the row type
 */
public final class NameCell<S> extends TableCell<S, String> {
    @Override
    protected void updateItem(String name, boolean empty) {
        super.updateItem(name, empty);
        if (empty || name == null || name.isEmpty()) {
            setText(null);
            setTooltip(null);
            return;
        }
        String shown = IdText.forDisplay(name);
        setText(shown);
        setTooltip(new Tooltip(shown));
    }
}
