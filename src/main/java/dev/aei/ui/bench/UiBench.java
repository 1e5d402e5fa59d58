package dev.aei.ui.bench;

import dev.aei.bench.FramesResults;
import dev.aei.bench.LiveResults;
import dev.aei.bench.LiveWorkload;
import dev.aei.bench.ScaleResults;
import dev.aei.capture.Session;
import dev.aei.protocol.EventDecoder;
import java.nio.file.Path;

/**
 * Entry point of the UI figures for the {@code bench} command: opens real windows (headless
 * Monocle when there is no display) and measures live smoothness, timeline scale and the frames table in them.
 */
public final class UiBench {
    private UiBench() {
    }

    /**
     * Runs the frames table figure in a window of its own (closed afterwards) on {@code session}, whose
     * last frame alone holds {@code marker}; each side runs {@code rounds} measured rounds after a warm-up.
     */
    public static FramesResults frames(EventDecoder decoder, Session session, String marker, int rounds)
            throws InterruptedException {
        Fx.start();
        BenchWindow window = Fx.call(BenchWindow::new);
        try {
            return new FramesFigure(window, decoder, rounds).run(session, marker);
        } finally {
            Fx.run(window::close);
        }
    }

    /**
     * Runs the smoothness figure in the app's main window and closes it; the toolkit stays up (it
     * cannot be restarted). {@code dir} holds the window's settings and journals while it runs.
     */
    public static LiveResults live(LiveWorkload workload, Path dir) throws InterruptedException {
        Fx.start();
        return new LiveFigure(workload).run(dir);
    }

    /** Runs the timeline scale figure on {@code session} in a window of its own (closed afterwards). */
    public static ScaleResults scale(EventDecoder decoder, Session session, int redrawsPerZoom)
            throws InterruptedException {
        Fx.start();
        BenchWindow window = Fx.call(BenchWindow::new);
        try {
            ScaleFigure.Measured scale = new ScaleFigure(window, decoder, redrawsPerZoom).run(session);
            double[] redraw = new double[scale.levels().length];
            double[] pan = new double[scale.levels().length];
            for (int i = 0; i < redraw.length; i++) {
                redraw[i] = scale.levels()[i].redrawP99();
                pan[i] = scale.levels()[i].pulseP99();
            }
            return new ScaleResults(scale.empty().redrawP99(), redraw, pan, scale.events());
        } finally {
            Fx.run(window::close);
        }
    }
}
