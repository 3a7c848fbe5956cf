package io.nhslistener.core.model;

/** Where an alert is in its life: a new episode, an escalation of an active one, or its end. */
public enum AlertStatus {
  FIRING,
  ESCALATED,
  RESOLVED
}
