package io.nhslistener.alerts.detect;

import io.nhslistener.core.model.AlertKind;
import io.nhslistener.core.model.AlertStatus;
import io.nhslistener.core.model.Severity;
import java.time.Instant;

/**
 * An alert decision about one window, with what explains it; the topology turns it into an {@code Alert} record
 * (adding top terms and sample mentions of the windows since {@code since}).
 *
 * @param kind volume spike or sentiment drop
 * @param status a new episode, an escalation of the open one, or the end of an episode that had alerted
 * @param severity from how unlikely the observation is (for RESOLVED, the episode's highest alerted severity)
 * @param windowStart start of the window decided on
 * @param windowEnd end of that window
 * @param since start of the episode's first abnormal window
 * @param evaluation observed vs expected, and how unlikely, for this window
 */
public record Decision(AlertKind kind, AlertStatus status, Severity severity, Instant windowStart, Instant windowEnd,
    Instant since, Evaluation evaluation) {}
