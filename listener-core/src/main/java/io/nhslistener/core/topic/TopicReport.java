package io.nhslistener.core.topic;

import java.util.List;

/**
 * Outcome of {@link TopicAdmin#ensure}.
 *
 * @param created topics this call created
 * @param corrected one line per existing topic whose timestamp type this call set to the catalogue's
 * @param differences one line per other existing topic setting that differs from the catalogue (left unchanged)
 */
public record TopicReport(List<String> created, List<String> corrected, List<String> differences) {}
