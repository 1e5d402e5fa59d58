package dev.aei.analysis;

/**
 * A prompt marker found on a lane that is not the lane's own, and whose it is.
 *
 * @param marker the marker text
 * @param user   the user whose prompt carried it
 * @param lane   the lane (connection) that sent it, or null when only the marker's format names its user
 */
record MarkerOwner(String marker, String user, String lane) {
}
