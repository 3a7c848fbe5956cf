package io.nhslistener.alerts.nab;

/**
 * NAB's score of one file under one cost profile.
 *
 * @param score the raw score: window rewards, minus missed-window costs, minus false-positive costs
 * @param detectedWindows scorable windows with at least one detection
 * @param missedWindows scorable windows with none
 * @param falsePositives detections outside every window (after the probationary rows)
 */
public record FileScore(double score, int detectedWindows, int missedWindows, int falsePositives) {}
