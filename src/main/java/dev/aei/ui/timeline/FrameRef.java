package dev.aei.ui.timeline;

/**
 * Points at one captured frame: the lane (user id) and the frame's index in that lane.
 *
 * @param lane  the lane id
 * @param frame the frame index within the lane
 */
public record FrameRef(String lane, int frame) {
}
