package dev.aei.cli.bench;

/**
 * What one ingest round measured.
 *
 * @param framesPerSecond frames received per second, from sending the requests to the last frame
 * @param received        frames received by all sockets during the round
 * @param lost            frames the server sent (by its per-connection seq and script) that never arrived
 */
record IngestRound(double framesPerSecond, long received, long lost) {
}
