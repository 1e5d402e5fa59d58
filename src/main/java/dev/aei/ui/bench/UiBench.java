package dev.aei.ui.bench;

/**
 * Entry point of the UI figures for the {@code bench} command: opens a real window (headless
 * Monocle when there is no display) and measures live smoothness and timeline scale in it.
 */
public final class UiBench {
    private UiBench() {
    }

    /** Runs both UI figures and closes the window; the toolkit stays up (it cannot be restarted). */
    public static UiResults run(UiWorkload workload) throws InterruptedException {
        Fx.start();
        BenchWindow window = Fx.call(BenchWindow::new);
        try {
            LiveFigure.Measured live = new LiveFigure(window, workload).run();
            ScaleFigure.Measured scale = new ScaleFigure(window, workload).run();
            double[] redraw = new double[scale.levels().length];
            double[] pan = new double[scale.levels().length];
            for (int i = 0; i < redraw.length; i++) {
                redraw[i] = scale.levels()[i].redrawP99();
                pan[i] = scale.levels()[i].pulseP99();
            }
            return new UiResults(live.idleP99(), live.p99(), live.median(), live.produced(), live.drained(),
                    live.backlogStart(), live.backlogEnd(), live.backlogMax(), live.growing(),
                    scale.empty().redrawP99(), redraw, pan, scale.events());
        } finally {
            Fx.run(window::close);
        }
    }
}
