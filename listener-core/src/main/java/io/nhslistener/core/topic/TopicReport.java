package io.nhslistener.core.topic;

import java.util.List;

/**
 * Outcome of {@link TopicAdmin#ensure}.
 *
 * @param created topics this call created
 * @param differences one line per existing topic setting that differs from the catalogue (left unchanged)
 */
public record TopicReport(List<String> created, List<String> differences) {}
