package dev.aei.bench;

/**
 * What the smoothness figure measured (plain numbers, so the command line can print them).
 *
 * @param idlePulseP99Ms  pulse interval p99 of the same window with no input (reference)
 * @param pulseP99Ms      pulse interval p99 while the live stream runs
 * @param pulseMedianMs   pulse interval median while the live stream runs
 * @param produced        frames the stream appended while measured
 * @param drained         frames the pump handed to the window while measured
 * @param backlogStart    mean backlog (items captured, not yet on screen) in the first third of the run
 * @param backlogEnd      mean backlog in the last third of the run
 * @param backlogMax      largest backlog seen
 * @param backlogGrowing  true when the window fell behind during the run (more in the window than it drains)
 * @param streamFindings  findings the rules raise on the streamed session (a healthy stream: expected 0)
 */
public record LiveResults(double idlePulseP99Ms, double pulseP99Ms, double pulseMedianMs, long produced, long drained,
                          double backlogStart, double backlogEnd, long backlogMax, boolean backlogGrowing,
                          int streamFindings) {
}
