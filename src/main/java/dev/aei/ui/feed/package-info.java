/**
 * The hand-over of captured data from network threads to the JavaFX thread.
 *
 * <pre>{@code
 * CaptureFeed feed = new CaptureFeed();
 * inspection.addListener(feed);                    // what is shown, lanes, decoded frames, findings
 * FeedPump pump = new FeedPump(feed);              // on the FX thread
 * pump.addListener(timelineView);                  // TimelineView is a Consumer<FeedBatch>
 * pump.addListener(batch -> findingsTable.getItems().addAll(batch.findings()));
 * pump.start();
 * statusBar.textProperty().bind(pump.eventsPerSecondProperty().asString("%.0f events/s"));
 * }</pre>
 * Network threads only enqueue; the pump drains at most {@link dev.aei.ui.feed.FeedPump#DEFAULT_MAX_PER_PULSE}
 * items per pulse and hands one batch per pulse to each listener.
 */
package dev.aei.ui.feed;
