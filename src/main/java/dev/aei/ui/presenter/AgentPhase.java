package dev.aei.ui.presenter;

/** Where a user's agent is, as the presenter card colours it. */
public enum AgentPhase {
    WAITING, WORKING, TOOL, DONE, ERROR, OFFLINE
}
