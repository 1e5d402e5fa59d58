package dev.aei.ui;

import javafx.animation.AnimationTimer;

/**
 * For the bench's start-up figure: when the system property {@value #PROPERTY} is set, prints
 * {@value #LINE} once the window's first frame has been painted and ends the process. A pulse
 * lays out and renders the scene after its animation timers run, so the second pulse after
 * showing the window starts only once the first frame is drawn.
 */
public final class FirstPaint {
    /** The system property that asks for the report. */
    public static final String PROPERTY = "aei.firstPaint";
    /** The line printed on standard output. */
    public static final String LINE = "aei-first-paint";

    private FirstPaint() {
    }

    /** Arms the report when asked for; call on the FX thread right after showing the window. */
    public static void armIfAsked() {
        if (System.getProperty(PROPERTY) == null) {
            return;
        }
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    System.out.println(LINE);
                    System.out.flush();
                    new Thread(() -> System.exit(0), "aei-first-paint-exit").start();
                }
            }
        }.start();
    }
}
