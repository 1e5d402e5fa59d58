package dev.aei.ui.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class PresenterViewTest {

    @Start
    void start(Stage stage) {
        // the view is built and inspected on the FX thread without a window
    }

    @Test
    void aNewLaneAddsOneCardViewAndKeepsTheOthers() throws Exception {
        List<List<Node>> seen = WaitForAsyncUtils.asyncFx(() -> {
            PresenterViewModel vm = new PresenterViewModel();
            PresenterView view = new PresenterView(vm);
            vm.laneAdded("alice");
            vm.laneAdded("bob");
            List<Node> before = cards(view);
            vm.laneAdded("carol");
            return List.of(before, cards(view));
        }).get(30, TimeUnit.SECONDS);

        assertThat(seen.get(0)).extracting(Node::getId).containsExactly("card-alice", "card-bob");
        assertThat(seen.get(1)).extracting(Node::getId).containsExactly("card-alice", "card-bob", "card-carol");
        assertThat(seen.get(1).subList(0, 2)).containsExactlyElementsOf(seen.get(0)); // the same views, not new ones
    }

    @Test
    void theAsTheClientSeesItSwitchIsTheModelsProperty() throws Exception {
        boolean[] seen = WaitForAsyncUtils.asyncFx(() -> {
            PresenterViewModel vm = new PresenterViewModel();
            PresenterView view = new PresenterView(vm);
            javafx.scene.control.CheckBox box = (javafx.scene.control.CheckBox) view.lookup("#presenter-as-client");
            box.fire();
            boolean on = vm.asClientProperty().get();
            vm.asClientProperty().set(false);
            return new boolean[] {on, box.isSelected()};
        }).get(30, TimeUnit.SECONDS);
        assertThat(seen[0]).isTrue();
        assertThat(seen[1]).isFalse();
    }

    private static List<Node> cards(PresenterView view) {
        // the cards scroll: a scroll pane holds them outside the scene graph until it is shown
        Parent cards = (Parent) ((javafx.scene.control.ScrollPane) view.lookup("#presenter-cards")).getContent();
        Parent row = cards.lookup("#card-alice").getParent();
        return List.copyOf(row.getChildrenUnmodifiable());
    }

    @Test
    void manyCardsWrapIntoRowsAndALongNameWrapsWholeInsteadOfBeingCut() throws Exception {
        String longName = "🙂".repeat(30) + " 爱丽丝 عمر";
        List<Object> seen = WaitForAsyncUtils.asyncFx(() -> {
            PresenterViewModel vm = new PresenterViewModel();
            PresenterView view = new PresenterView(vm);
            vm.laneAdded("alice");
            for (String user : List.of(longName, "عمر", "bob🙂", "a b", "x/y?z", "qa-user-1", "qa-user-2", "爱丽丝 #2")) {
                vm.laneAdded(user);
            }
            javafx.scene.Scene scene = new javafx.scene.Scene(view, 1280, 800);
            view.applyCss();
            view.layout();
            List<Node> all = cards(view); // by position: ids such as "card-a b" are no CSS selectors
            Node first = all.get(1);
            Node last = all.get(all.size() - 1);
            javafx.scene.text.Text shown = (javafx.scene.text.Text) first.lookup(".card-user .text");
            return List.<Object>of(first.getLayoutY() < last.getLayoutY(), first.getLayoutBounds().getWidth(), shown.getText(),
                    scene.getWidth(), shown.getLayoutBounds().getHeight() / shown.getFont().getSize());
        }).get(30, TimeUnit.SECONDS);

        assertThat(seen.get(0)).as("eight cards need more than one row at 1280 px").isEqualTo(true);
        assertThat((double) seen.get(1)).isGreaterThanOrEqualTo(CardRows.MIN_CARD_WIDTH);
        String text = (String) seen.get(2);
        assertThat(text).as("the whole name, no ellipsis").isEqualTo(dev.aei.protocol.IdText.forDisplay(longName));
        assertThat((double) seen.get(4)).as("lines of the name (its height in font sizes)").isGreaterThan(1.8);
    }
}
