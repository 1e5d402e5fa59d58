package dev.aei.capture;

/** Which way a frame travelled: IN from the server, OUT from this tool. */
public enum Direction {
    IN, OUT
}
