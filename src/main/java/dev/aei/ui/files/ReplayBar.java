package dev.aei.ui.files;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The replay controls shown while viewing a file: speed, play, pause, next frame, stop, position. */
public final class ReplayBar extends HBox {
    private static final double POSITION_MILLIS = 250;

    public ReplayBar(ReplayViewModel model) {
        super(6);
        setId("replay-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 8, 4, 8));
        ChoiceBox<Double> speed = new ChoiceBox<>();
        speed.setId("replay-speed");
        for (double s : ReplayViewModel.SPEEDS) {
            speed.getItems().add(s);
        }
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double s) {
                return s == null ? "" : String.format("%.0f×", s);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("×", ""));
            }
        });
        speed.setValue(model.speedProperty().get());
        speed.valueProperty().addListener((o, was, now) -> model.speedProperty().set(now));
        model.speedProperty().addListener((o, was, now) -> speed.setValue(now.doubleValue()));
        Button play = button("replay-play", "Play", model::play);
        play.disableProperty().bind(model.playingProperty());
        Button pause = button("replay-pause", "Pause", model::pause);
        pause.disableProperty().bind(model.playingProperty().not());
        Button next = button("replay-next", "Next frame", model::nextFrame);
        Button stop = button("replay-stop", "Stop", model::stop);
        stop.disableProperty().bind(model.activeProperty().not());
        Label position = new Label();
        position.setId("replay-position");
        position.textProperty().bind(Bindings.format("%d / %d · %.1f s / %.1f s", model.positionProperty(),
                model.totalProperty(), model.secondsProperty(), model.endSecondsProperty()));
        getChildren().addAll(new Label("Replay"), speed, play, pause, next, stop, position);
        keepPositionMoving(model);
    }

    /** While playing, the position also moves between frames (a replay waits out the recorded gaps). */
    private static void keepPositionMoving(ReplayViewModel model) {
        Timeline clock = new Timeline(new KeyFrame(Duration.millis(POSITION_MILLIS), e -> model.refresh()));
        clock.setCycleCount(Animation.INDEFINITE);
        model.playingProperty().addListener((o, was, now) -> {
            if (now) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
