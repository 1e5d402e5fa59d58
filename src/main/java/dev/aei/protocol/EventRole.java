package dev.aei.protocol;

/** What a frame means to the rules, whatever the backend calls it. */
public enum EventRole {
    /** A run began (netra {@code agent_started}, AG-UI {@code RUN_STARTED}). */
    STARTED,
    /** The agent reports reasoning or progress. */
    THINKING,
    /** A tool call begins. */
    TOOL_START,
    /** A tool call ends. */
    TOOL_END,
    /** A run finished normally. */
    COMPLETED,
    /** A run ended with an error. */
    ERROR,
    /** The server says who this connection is ({@code connection_established}). */
    CONNECTION,
    /** Keepalive traffic (heartbeat, pong), received or sent by this tool. */
    HEARTBEAT,
    /** A type the profile knows but that no ordering rule is about (partial results, chunks…). */
    OTHER,
    /** A type the profile lists as to be ignored. */
    IGNORE,
    /** Valid JSON object whose type the profile does not know. */
    UNKNOWN,
    /** Not JSON, not an object, invalid UTF-8 or over the size limit. */
    MALFORMED,
    /** A binary frame. */
    BINARY,
    /** A message this tool sent, other than a keep-alive. */
    OUTGOING;

    /** True for the roles that belong to an agent run's life cycle. */
    public boolean isRunEvent() {
        return this == STARTED || this == THINKING || this == TOOL_START || this == TOOL_END
                || this == COMPLETED || this == ERROR || this == OTHER;
    }

    /** True for the roles that end a run. */
    public boolean endsRun() {
        return this == COMPLETED || this == ERROR;
    }
}
