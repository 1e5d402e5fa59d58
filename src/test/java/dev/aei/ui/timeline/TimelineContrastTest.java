package dev.aei.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;
import dev.aei.analysis.Severity;
import dev.aei.protocol.EventDecoder;
import dev.aei.protocol.EventRole;
import dev.aei.protocol.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every mark the timeline draws stands out from both lane backgrounds in both themes: the WCAG
 * contrast ratio of each glyph, span, line and finding colour, as drawn (see-through ones laid over
 * the background), is at least 3:1, the minimum for graphics that carry meaning.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineContrastTest {
    private static final double MIN_GRAPHICS = 3.0;
    private static final double MIN_TEXT = 4.5;

    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView(new EventDecoder(Profile.load("netra")));
        stage.setScene(new Scene(new StackPane(view), 400, 200));
        stage.show();
    }

    @AfterEach
    void lightAgain(FxRobot robot) {
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    @Test
    void everyMarkHasAtLeastThreeToOneContrastInTheLightTheme(FxRobot robot) {
        assertContrast(robot, new PrimerLight());
    }

    @Test
    void everyMarkHasAtLeastThreeToOneContrastInTheDarkTheme(FxRobot robot) {
        assertContrast(robot, new PrimerDark());
    }

    private void assertContrast(FxRobot robot, Theme theme) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(theme.getUserAgentStylesheet());
            view.applyCss();
        });
        Palette p = view.palette();
        List<String> tooFaint = new ArrayList<>();
        for (Color ground : List.of(p.background(), p.laneAlt())) {
            marks(p, ground).forEach((what, color) -> {
                double ratio = contrast(color, ground);
                if (ratio < MIN_GRAPHICS) {
                    tooFaint.add(String.format("%s %s on %s: %.2f", what, color, ground, ratio));
                }
            });
            double text = contrast(p.text(), ground);
            if (text < MIN_TEXT) {
                tooFaint.add(String.format("lane names on %s: %.2f", ground, text));
            }
        }
        assertThat(tooFaint).as("marks below %s:1 in %s", MIN_GRAPHICS, theme.getName()).isEmpty();
    }

    /** Each drawn mark's colour as it lands on {@code ground}. */
    private static Map<String, Color> marks(Palette p, Color ground) {
        Map<String, Color> marks = new LinkedHashMap<>();
        for (EventRole role : EventRole.values()) {
            if (role != EventRole.IGNORE) {
                marks.put("glyph " + role, p.role(role));
            }
        }
        marks.put("tool span outline", p.tool());
        marks.put("failed tool span outline", p.danger());
        marks.put("tool name", p.mutedText());
        marks.put("run band", over(p.accent(), RunRenderer.BAND_OPACITY, ground));
        marks.put("failed run band", over(p.danger(), RunRenderer.BAND_OPACITY, ground));
        marks.put("connecting line", over(p.mutedText(), LaneEventRenderer.WAIT_OPACITY, ground));
        marks.put("connected mark", p.success());
        for (Severity severity : Severity.values()) {
            marks.put(severity.label() + " finding", p.severity(severity));
        }
        return marks;
    }

    /** A see-through colour laid over an opaque one. */
    private static Color over(Color color, double opacity, Color ground) {
        return ground.interpolate(Color.color(color.getRed(), color.getGreen(), color.getBlue()), opacity);
    }

    /** The WCAG 2 contrast ratio of two opaque colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
