package dev.aei.ui.files;

import dev.aei.fixture.Replayer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;

/**
 * Controls the replay of an opened file: play at a speed, pause, next frame, stop. A replay starts
 * on the first play or step, from a replayer the window makes (fresh session, feed and analysis attached).
 */
public final class ReplayViewModel {
    /** The speeds offered, times the recorded pace. */
    public static final double[] SPEEDS = {1, 4, 16};

    private final Supplier<Replayer> newReplay;
    private final DoubleProperty speed = new SimpleDoubleProperty(1);
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final LongProperty position = new SimpleLongProperty();
    private final LongProperty total = new SimpleLongProperty();
    private final DoubleProperty seconds = new SimpleDoubleProperty();
    private final DoubleProperty endSeconds = new SimpleDoubleProperty();
    private Replayer replayer;

    public ReplayViewModel(Supplier<Replayer> newReplay) {
        this.newReplay = newReplay;
        speed.addListener((o, was, now) -> {
            if (replayer != null && playing.get()) {
                replayer.setSpeed(now.doubleValue());
            }
        });
    }

    /** Plays at the chosen speed, starting a replay if none runs or the last one reached its end. */
    public void play() {
        if (replayer != null && replayer.finished()) {
            stop();
        }
        ensureStarted().play(speed.get());
        playing.set(true);
    }

    /** Pauses; play and next frame carry on from here. */
    public void pause() {
        if (replayer != null) {
            replayer.pause();
        }
        playing.set(false);
    }

    /** Pauses and appends up to and including the next frame (lane events on the way are appended too). */
    public void nextFrame() {
        Replayer current = ensureStarted();
        pause();
        long frames = current.target().frameCount();
        while (current.target().frameCount() == frames && current.step()) {
            // lane events (connected, closed) are replayed on the way to the next frame
        }
        refresh();
    }

    /** A whole file is on screen, no replay running: the counter reads all of its items, at its end. */
    public void showWhole(long items, double endAtSeconds) {
        stop();
        total.set(items);
        position.set(items);
        endSeconds.set(endAtSeconds);
        seconds.set(endAtSeconds);
    }

    /** Ends the replay; what was replayed stays shown. */
    public void stop() {
        if (replayer != null) {
            replayer.close();
            replayer = null;
        }
        playing.set(false);
        active.set(false);
    }

    /** Reads how far the replay came; call on each UI pulse. */
    public void refresh() {
        if (replayer == null) {
            return;
        }
        // Finished first: the replay thread may end meanwhile, and a pulse that then read an earlier
        // position and clock would be the last one, leaving the controls short of the end for good.
        boolean finished = replayer.finished();
        position.set(replayer.position());
        seconds.set(replayer.clockNanos() / 1e9);
        if (finished) {
            playing.set(false);
        }
    }

    private Replayer ensureStarted() {
        if (replayer == null) {
            replayer = newReplay.get();
            total.set(replayer.total());
            endSeconds.set(replayer.endNanos() / 1e9);
            position.set(0);
            active.set(true);
        }
        return replayer;
    }

    /** Times the recorded pace. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** True while a replay exists (started and not stopped). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Items (frames and lane events) replayed so far; all of them while a file is shown without a replay. */
    public LongProperty positionProperty() {
        return position;
    }

    /** Where the replay is in recorded time, in seconds of the recording's clock. */
    public DoubleProperty secondsProperty() {
        return seconds;
    }

    /**
     * The recording's end in seconds of its clock; a replay plays on past its last frame to here
     * when a finding was raised later (a run timing out).
     */
    public DoubleProperty endSecondsProperty() {
        return endSeconds;
    }

    /** Items (frames and lane events) in the file. */
    public LongProperty totalProperty() {
        return total;
    }
}
