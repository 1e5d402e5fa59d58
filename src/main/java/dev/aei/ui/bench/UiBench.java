package dev.aei.ui.bench;

import dev.aei.bench.UiWorkload;
import dev.aei.bench.UiResults;
import java.nio.file.Path;

/**
 * Entry point of the UI figures for the {@code bench} command: opens a real window (headless
 * Monocle when there is no display) and measures live smoothness and timeline scale in it.
 */
public final class UiBench {
    private UiBench() {
    }

    /**
     * Runs the frames table figure in a window of its own (closed afterwards) on {@code session}, whose
     * last frame alone holds {@code marker}; each side runs {@code rounds} measured rounds after a warm-up.
     */
    public static dev.aei.bench.FramesResults frames(dev.aei.protocol.EventDecoder decoder,
                                                    dev.aei.capture.Session session, String marker, int rounds)
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
     * Runs both UI figures and closes their windows; the toolkit stays up (it cannot be restarted).
     * {@code dir} holds the main window's settings and journals while it runs.
     */
    public static UiResults run(UiWorkload workload, Path dir) throws InterruptedException {
        Fx.start();
        LiveFigure.Measured live = new LiveFigure(workload).run(dir);
        BenchWindow window = Fx.call(BenchWindow::new);
        try {
            ScaleFigure.Measured scale = new ScaleFigure(window, workload).run();
            double[] redraw = new double[scale.levels().length];
            double[] pan = new double[scale.levels().length];
            for (int i = 0; i < redraw.length; i++) {
                redraw[i] = scale.levels()[i].redrawP99();
                pan[i] = scale.levels()[i].pulseP99();
            }
            return new UiResults(live.idleP99(), live.p99(), live.median(), live.produced(), live.drained(),
                    live.backlogStart(), live.backlogEnd(), live.backlogMax(), live.growing(), live.findings(),
                    scale.empty().redrawP99(), redraw, pan, scale.events());
        } finally {
            Fx.run(window::close);
        }
    }
}
