package dev.aei.capture;

/** The WebSocket data frame kind. */
public enum Opcode {
    TEXT, BINARY
}
