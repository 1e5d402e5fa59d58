package dev.aei.ui.timeline;

import javafx.scene.canvas.GraphicsContext;

/** Draws one layer of the timeline (axis, lanes, glyphs, …) onto the canvas. */
@FunctionalInterface
interface LayerRenderer {

    void draw(GraphicsContext g, RenderContext ctx);
}
