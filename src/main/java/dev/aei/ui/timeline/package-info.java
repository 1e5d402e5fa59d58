/**
 * The live timeline control: {@link dev.aei.ui.timeline.TimelineView} (a Control) drawn by
 * {@link dev.aei.ui.timeline.TimelineSkin} on one canvas through small layer renderers, with
 * {@link dev.aei.ui.timeline.TimeScale} as the only time-to-pixel mapping.
 *
 * <pre>{@code
 * TimelineView timeline = new TimelineView(new EventDecoder(Profile.load("netra")));
 * pump.addListener(timeline);                          // live data, one batch per pulse
 * timeline.selectedFrameProperty().addListener((o, was, ref) -> detail.show(ref));
 * findingsTable.onClick(f -> timeline.select(new FrameRef(f.lane(), f.frames().get(0))));
 * presenterToggle.selectedProperty().addListener((o, was, on) -> timeline.setScale(on ? 1.6 : 1));
 * followButton.selectedProperty().bindBidirectional(timeline.followLiveProperty());
 * timeline.snapshotPng(Path.of("timeline.png"));      // export for bug reports
 * }</pre>
 * Colours follow the AtlantaFX theme (see {@code timeline.css}); everything runs on the FX thread.
 */
package dev.aei.ui.timeline;
