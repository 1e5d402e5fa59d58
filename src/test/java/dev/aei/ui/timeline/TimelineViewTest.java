package dev.aei.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.aei.capture.Frame;
import dev.aei.capture.Lane;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.Profile;
import dev.aei.fixture.Fixture;
import dev.aei.inspect.Decoders;
import dev.aei.inspect.Inspection;
import dev.aei.ui.feed.CaptureFeed;
import java.nio.file.Path;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TimelineViewTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private TimelineView view;
    private TimelineLegend legend;
    private DemoSession demo;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new TimelineView(new EventDecoder(Profile.load("netra")));
        legend = new TimelineLegend(view);
        legend.setPadding(new javafx.geometry.Insets(6, 12, 6, 12));
        VBox.setVgrow(view, Priority.ALWAYS);
        stage.setScene(new Scene(new VBox(view, legend), 1100, 260));
        stage.show();
    }

    /** Fills the view with the demo session through a real feed, then fits it. */
    private void loadDemo(FxRobot robot) {
        CaptureFeed feed = new CaptureFeed();
        demo = new DemoSession().build();
        try (Inspection inspection = new Inspection(new Decoders(), "netra")) {
            inspection.addListener(feed);
            inspection.view(Path.of("demo.aei.json"), Fixture.of(demo.session, demo.findings));
        }
        robot.interact(() -> {
            view.accept(feed.drain(10_000));
            view.zoomToFit();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TimelineSkin skin() {
        return (TimelineSkin) view.getSkin();
    }

    private Point2D screenPointOf(String laneId, int frameIndex) {
        RenderContext ctx = skin().context();
        Frame frame = ctx.model().find(laneId).frame(frameIndex);
        int lane = view.laneIds().indexOf(laneId);
        return view.localToScreen(ctx.x(frame.nanos()), ctx.layout().laneCenter(lane));
    }

    private static int frameOfType(Lane lane, String type) {
        return lane.frames().stream().filter(f -> f.text() != null && f.text().contains("\"type\":\"" + type + "\""))
                .findFirst().orElseThrow().index();
    }

    @Test
    void drawsSomethingInEveryLaneThatHasEvents(FxRobot robot) throws Exception {
        loadDemo(robot);
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get();
        LaneLayout layout = skin().context().layout();
        Color background = view.palette().background();
        Color alt = view.palette().laneAlt();

        assertThat(view.laneIds()).containsExactly("alice", "bob", "carol");
        for (int lane = 0; lane < 3; lane++) {
            int inked = 0;
            PixelReader pixels = image.getPixelReader();
            int top = (int) layout.laneTop(lane) + 2;
            int bottom = (int) (layout.laneTop(lane) + layout.laneHeight()) - 3;
            for (int y = top; y < bottom; y++) {
                for (int x = (int) layout.plotLeft() + 2; x < (int) image.getWidth() - 2; x++) {
                    Color c = pixels.getColor(x, y);
                    if (far(c, background) && far(c, alt)) {
                        inked++;
                    }
                }
            }
            assertThat(inked).as("drawn pixels in lane %d", lane).isGreaterThan(30);
        }
    }

    @Test
    void keysZoomAndPanTheVisibleRange(FxRobot robot) {
        loadDemo(robot);
        robot.interact(view::requestFocus);
        long span = view.getVisibleEnd() - view.getVisibleStart();

        robot.push(KeyCode.MINUS);
        assertThat(view.getVisibleEnd() - view.getVisibleStart()).isEqualTo(span * 2);
        robot.push(KeyCode.EQUALS);
        robot.push(KeyCode.EQUALS);
        assertThat(view.getVisibleEnd() - view.getVisibleStart()).isEqualTo(span / 2);

        long start = view.getVisibleStart();
        robot.push(KeyCode.LEFT);
        assertThat(view.getVisibleStart()).isLessThan(start);
        assertThat(view.isFollowLive()).isFalse();

        robot.push(KeyCode.END);
        assertThat(view.isFollowLive()).isTrue();
        robot.push(KeyCode.F);
        assertThat(view.getVisibleStart()).isLessThan(demo.session.lane("alice").frames().get(0).nanos());
    }

    @Test
    void wheelZoomsAroundThePointer(FxRobot robot) {
        loadDemo(robot);
        robot.interact(() -> view.setFollowLive(false));
        Lane alice = demo.session.lane("alice");
        int completed = frameOfType(alice, "agent_completed");
        Point2D at = screenPointOf("alice", completed);
        long before = view.getVisibleEnd() - view.getVisibleStart();

        robot.moveTo(at).scroll(3, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.getVisibleEnd() - view.getVisibleStart()).isNotEqualTo(before);
        Point2D after = screenPointOf("alice", completed);
        assertThat(Math.abs(after.getX() - at.getX())).isLessThan(3.0);
    }

    @Test
    void fifteenWheelStepsWhileFollowingLiveKeepTheTimeUnderThePointerUnderIt(FxRobot robot) {
        loadDemo(robot);
        assertThat(view.isFollowLive()).isTrue();
        Lane alice = demo.session.lane("alice");
        int thinking = frameOfType(alice, "agent_thinking");
        Point2D at = screenPointOf("alice", thinking);
        long underPointer = timeAt(at);

        for (int step = 0; step < 15; step++) {
            robot.moveTo(at).scroll(1, javafx.geometry.VerticalDirection.UP);
        }
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Math.abs(timeAt(at) - underPointer)).as("nanos moved under the pointer")
                .isLessThanOrEqualTo(Math.round(2 * skin().context().scale().nanosPerPixel()));
        assertThat(Math.abs(screenPointOf("alice", thinking).getX() - at.getX())).isLessThan(2.0);
        long frame = alice.frames().get(thinking).nanos();
        assertThat(frame).isBetween(view.getVisibleStart(), view.getVisibleEnd());

        for (int step = 0; step < 15; step++) {
            robot.moveTo(at).scroll(1, javafx.geometry.VerticalDirection.DOWN);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(frame).as("zooming back out keeps the run in view")
                .isBetween(view.getVisibleStart(), view.getVisibleEnd());
        assertThat(Math.abs(screenPointOf("alice", thinking).getX() - at.getX())).isLessThan(2.0);
    }

    @Test
    void zoomAtKeepsItsAnchorAtTheSamePixelOfTheTimeScale(FxRobot robot) {
        loadDemo(robot);
        long anchor = demo.session.lane("bob").frames().get(3).nanos();
        double width = skin().context().scale().width();
        double before = new TimeScale(view.getVisibleStart(), view.getVisibleEnd(), width, 0, java.time.ZoneOffset.UTC)
                .x(anchor);
        for (double factor : new double[] {0.8, 0.8, 0.5, 0.1, 3, 1.25, 0.64}) {
            robot.interact(() -> view.zoomAt(anchor, factor));
            TimeScale now = new TimeScale(view.getVisibleStart(), view.getVisibleEnd(), width, 0, java.time.ZoneOffset.UTC);
            assertThat(now.x(anchor)).as("after x%s", factor).isCloseTo(before, org.assertj.core.data.Offset.offset(0.5));
        }
    }

    /** The session time under a screen point of the plot. */
    private long timeAt(Point2D screen) {
        RenderContext ctx = skin().context();
        return ctx.scale().nanos(view.screenToLocal(screen).getX() - ctx.layout().plotLeft());
    }

    @Test
    void dragPansBackAndStopsFollowingLive(FxRobot robot) {
        loadDemo(robot);
        assertThat(view.isFollowLive()).isTrue();
        long start = view.getVisibleStart();
        Point2D middle = view.localToScreen(view.getWidth() * 0.6, view.getHeight() - 20);

        robot.drag(middle, MouseButton.PRIMARY).moveBy(150, 0).release(MouseButton.PRIMARY);

        assertThat(view.getVisibleStart()).isLessThan(start);
        assertThat(view.isFollowLive()).isFalse();
    }

    @Test
    void theLiveBadgeResumesFollowingAfterLookingBack(FxRobot robot) {
        loadDemo(robot);
        robot.interact(() -> view.panBy(-1_000 * DemoSession.MS));
        assertThat(view.isFollowLive()).isFalse();
        javafx.geometry.Rectangle2D badge = LiveBadge.bounds(skin().context());

        robot.clickOn(view.localToScreen(badge.getMinX() + badge.getWidth() / 2, badge.getMinY() + badge.getHeight() / 2));

        assertThat(view.isFollowLive()).isTrue();
    }

    @Test
    void selectingAFrameOnALaneBelowTheFoldScrollsTheLanes(FxRobot robot) {
        loadDemo(robot);
        robot.interact(() -> view.setScale(1.6));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(skin().context().layout().laneTop(2) + skin().context().layout().laneHeight())
                .isGreaterThan(view.getHeight());

        robot.interact(() -> view.select(new FrameRef("carol", 0)));
        WaitForAsyncUtils.waitForFxEvents();

        LaneLayout layout = skin().context().layout();
        assertThat(layout.laneTop(2) + layout.laneHeight()).isLessThanOrEqualTo(view.getHeight() + 0.5);
        robot.interact(() -> view.setScale(1));
    }

    @Test
    void clickSelectsTheNearestGlyphAndHoverNamesIt(FxRobot robot) {
        loadDemo(robot);
        Lane bob = demo.session.lane("bob");
        int toolStart = frameOfType(bob, "tool_executing");

        robot.moveTo(screenPointOf("bob", toolStart).add(2, 1));
        assertThat(view.getHoveredFrame()).isEqualTo(new FrameRef("bob", toolStart));
        robot.clickOn(MouseButton.PRIMARY);

        assertThat(view.getSelectedFrame()).isEqualTo(new FrameRef("bob", toolStart));
    }

    @Test
    void aLongLaneNameIsShortenedBetweenWholeCharactersAndItsHoverCardHasItWhole(FxRobot robot) {
        String longName = "🙂".repeat(25) + " عمر #2";
        robot.interact(() -> {
            view.addLane("爱丽丝");
            view.addLane(longName);
        });
        WaitForAsyncUtils.waitForFxEvents();
        RenderContext ctx = skin().context();
        LaneTrack track = ctx.model().find(longName);
        String shown = LaneHeaderRenderer.name(ctx, track, ctx.layout().headerWidth() - 30);

        assertThat(shown).endsWith("…").startsWith("\u200E🙂"); // a left-to-right mark first: the name holds Arabic
        assertThat(shown.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count()).as("lone surrogates").isZero();
        assertThat(LaneHeaderRenderer.name(ctx, ctx.model().find("爱丽丝"), 200)).isEqualTo("爱丽丝");

        robot.moveTo(view.localToScreen(30, ctx.layout().laneCenter(1)));
        assertThat(skin().hoverCard().lines().get(0)).isEqualTo(dev.aei.protocol.IdText.forDisplay(longName));
        robot.interact(() -> snapshot(SCREENSHOTS.resolve("timeline-lane-name-hover.png")));
    }

    @Test
    void aFindingMarkerNamesItsRuleAndAClickSelectsItsFrame(FxRobot robot) {
        loadDemo(robot);
        int leak = demo.findings.get(0).frames().get(0);
        RenderContext ctx = skin().context();
        LaneTrack.FindingMark mark = ctx.model().find("bob").findings().get(0);
        Point2D sign = view.localToScreen(ctx.x(mark.nanos()), ctx.layout().laneTop(1) + 9);

        robot.moveTo(sign);
        assertThat(view.getHoveredFrame()).isEqualTo(new FrameRef("bob", leak));
        robot.clickOn(MouseButton.PRIMARY);

        assertThat(view.getSelectedFrame()).isEqualTo(new FrameRef("bob", leak));
        robot.interact(() -> snapshot(SCREENSHOTS.resolve("timeline-finding-hover.png")));
    }

    @Test
    void shiftArrowsStepThroughTheSelectedUsersEventsAndScrollToThem(FxRobot robot) {
        loadDemo(robot);
        Lane alice = demo.session.lane("alice");
        int firstShown = skin().context().model().find("alice").neighbour(alice.frames().get(1).index(), -1);
        robot.interact(() -> {
            view.requestFocus();
            view.showRange(alice.frames().get(0).nanos() - 1, alice.frames().get(0).nanos() + DemoSession.MS);
        });
        robot.press(KeyCode.SHIFT).push(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(view.getSelectedFrame()).as("nothing was selected: the first event from the left edge")
                .isEqualTo(new FrameRef(view.laneIds().get(0), firstShown));

        robot.interact(() -> view.select(new FrameRef("alice", firstShown)));
        robot.press(KeyCode.SHIFT).push(KeyCode.RIGHT).push(KeyCode.RIGHT).release(KeyCode.SHIFT);
        Frame third = alice.frames().get(2);
        assertThat(view.getSelectedFrame()).isEqualTo(new FrameRef("alice", third.index()));
        assertThat(third.nanos()).isBetween(view.getVisibleStart(), view.getVisibleEnd());
        robot.press(KeyCode.SHIFT).push(KeyCode.LEFT).release(KeyCode.SHIFT);
        assertThat(view.getSelectedFrame()).isEqualTo(new FrameRef("alice", alice.frames().get(1).index()));

        Frame last = alice.frames().get(alice.frames().size() - 1);
        robot.interact(() -> view.select(new FrameRef("alice", last.index())));
        long start = view.getVisibleStart();
        robot.press(KeyCode.SHIFT).push(KeyCode.RIGHT).release(KeyCode.SHIFT);
        assertThat(view.getSelectedFrame()).as("the lane's end").isEqualTo(new FrameRef("alice", last.index()));
        assertThat(view.getVisibleStart()).as("Shift+Right does not pan").isEqualTo(start);
    }

    @Test
    void whileFollowingTheRightEdgeKeepsUpWithTheLiveClockAfterTheNewestEvent(FxRobot robot) {
        loadDemo(robot);
        long last = skin().context().model().lastNanos();
        robot.interact(() -> view.setFollowLive(true));
        robot.interact(() -> view.showLiveNow(last + 30_000 * DemoSession.MS));
        assertThat(view.getVisibleEnd()).as("the quiet half minute after the last event shows")
                .isGreaterThanOrEqualTo(last + 30_000 * DemoSession.MS);

        robot.interact(() -> {
            view.setFollowLive(false);
            view.panBy(-view.getVisibleEnd() / 2);
        });
        long start = view.getVisibleStart();
        robot.interact(() -> view.showLiveNow(last + 60_000 * DemoSession.MS));
        assertThat(view.getVisibleStart()).as("looking back stays put").isEqualTo(start);
    }

    @Test
    void selectScrollsTheFrameIntoView(FxRobot robot) {
        loadDemo(robot);
        Lane alice = demo.session.lane("alice");
        Frame first = alice.frames().get(0);
        robot.interact(() -> {
            view.showRange(first.nanos() + 4_000 * DemoSession.MS, first.nanos() + 5_000 * DemoSession.MS);
            view.select(new FrameRef("alice", first.index()));
        });

        assertThat(view.getSelectedFrame()).isEqualTo(new FrameRef("alice", first.index()));
        assertThat(first.nanos()).isBetween(view.getVisibleStart(), view.getVisibleEnd());
    }

    @Test
    void savesScreenshotsOfARealisticSessionInLightAndDark(FxRobot robot) throws Exception {
        loadDemo(robot);
        Lane bob = demo.session.lane("bob");
        robot.moveTo(screenPointOf("bob", frameOfType(bob, "tool_completed")));
        robot.interact(() -> view.select(new FrameRef("alice", frameOfType(demo.session.lane("alice"), "tool_executing"))));
        WaitForAsyncUtils.waitForFxEvents();
        Path light = SCREENSHOTS.resolve("timeline-demo.png");
        robot.interact(() -> snapshot(light));

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        Path dark = SCREENSHOTS.resolve("timeline-demo-dark.png");
        robot.interact(() -> snapshot(dark));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));

        assertThat(light).isRegularFile();
        assertThat(Files.size(light)).isGreaterThan(5_000);
        assertThat(Files.size(dark)).isGreaterThan(5_000);
    }

    @Test
    void presenterScaleMakesEverythingBigger(FxRobot robot) throws Exception {
        loadDemo(robot);
        double normal = skin().context().layout().laneHeight();
        robot.interact(() -> view.setScale(1.6));
        WaitForAsyncUtils.waitForFxEvents();

        // Lanes also grow into free height, so the scaled lane is at least 1.6 times the base height.
        assertThat(normal).isGreaterThanOrEqualTo(44);
        assertThat(skin().context().layout().laneHeight()).isGreaterThanOrEqualTo(44 * 1.6);
        assertThat(skin().context().text().regular().getSize()).isGreaterThan(18);
        robot.interact(() -> snapshot(SCREENSHOTS.resolve("timeline-presenter.png")));
        robot.interact(() -> view.setScale(1));
    }

    @Test
    void aDenseCaptureDrawsAsStripsAndKeepsErrorsVisible(FxRobot robot) throws Exception {
        int lanes = 4;
        int perLane = 20_000;
        robot.interact(() -> {
            for (int lane = 0; lane < lanes; lane++) {
                java.util.List<Frame> frames = new java.util.ArrayList<>();
                for (int i = 0; i < perLane; i++) {
                    String type = i % 5_000 == 4_321 ? "agent_error" : i % 7 == 0 ? "agent_started" : "agent_thinking";
                    long nanos = i * 2_000_000L + lane * 1_000L;
                    frames.add(Frame.text(i, dev.aei.capture.Direction.IN, nanos, DemoSession.ORIGIN_WALL_MILLIS + nanos / 1_000_000,
                            "{\"type\":\"" + type + "\",\"run_id\":\"run_t-" + lane + "-" + i / 7 + "_00001_0000abcd\"}"));
                }
                view.addFrames("load-" + lane, frames);
            }
            view.zoomToFit();
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get();
        LaneLayout layout = skin().context().layout();
        Color danger = view.palette().danger();

        int errorPixels = 0;
        for (int y = (int) layout.laneTop(0); y < (int) layout.laneTop(1); y++) {
            for (int x = (int) layout.plotLeft(); x < (int) image.getWidth(); x++) {
                if (!far(image.getPixelReader().getColor(x, y), danger)) {
                    errorPixels++;
                }
            }
        }
        assertThat(errorPixels).as("error glyphs stay visible in a dense lane").isGreaterThan(10);
        robot.interact(() -> snapshot(SCREENSHOTS.resolve("timeline-dense.png")));
    }

    @Test
    void theLegendNamesEveryMark(FxRobot robot) throws Exception {
        loadDemo(robot);

        assertThat(legend.entries()).contains("run started", "thinking", "completed", "error", "prompt sent",
                "malformed", "unknown type", "connection event", "a run", "tool call", "connected / closed",
                "connecting", "findings: critical · error · warning · info");
        assertThat(legend.getChildren()).hasSize(legend.entries().size());
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> legend.snapshot(null, null)).get();
        Files.createDirectories(SCREENSHOTS);
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image, null), "png",
                SCREENSHOTS.resolve("timeline-legend.png").toFile());
    }

    @Test
    void aPictureOfTheWholeSessionHasEveryLaneATitleAndTheLegend(FxRobot robot) throws Exception {
        loadDemo(robot);
        robot.interact(() -> {
            view.zoomAt(view.getVisibleStart(), 0.05); // a small part shows on screen
        });
        Path whole = SCREENSHOTS.resolve("timeline-export-whole.png");
        Path visible = SCREENSHOTS.resolve("timeline-export-visible.png");
        robot.interact(() -> {
            try {
                TimelinePicture.writePng(view, TimelinePicture.Range.WHOLE_SESSION, "Demo session", whole);
                TimelinePicture.writePng(view, TimelinePicture.Range.VISIBLE, "Demo session, zoomed", visible);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(whole.toFile());
        LaneLayout layout = skin().context().layout();
        assertThat(picture.getWidth()).isGreaterThanOrEqualTo(1400);
        assertThat(picture.getHeight()).as("title, facts, three whole lanes and the legend")
                .isGreaterThan((int) (layout.axisHeight() + 3 * 44 + 80));
        assertThat(javax.imageio.ImageIO.read(visible.toFile()).getWidth()).isGreaterThanOrEqualTo(900);
        assertThat(view.getVisibleEnd() - view.getVisibleStart()).as("the view on screen is left as it was")
                .isLessThan(demo.session.lane("alice").frames().get(demo.session.lane("alice").frames().size() - 1)
                        .nanos() - demo.session.lane("alice").frames().get(0).nanos());
    }

    private void snapshot(Path file) {
        try {
            view.snapshotPng(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean far(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue()) > 0.15;
    }
}
