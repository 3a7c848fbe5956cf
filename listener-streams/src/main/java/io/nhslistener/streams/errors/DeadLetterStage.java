package io.nhslistener.streams.errors;

/**
 * The stage a failing processor node belongs to. Stages name their operators {@code <stage>-<what>} (e.g.
 * {@code windows-source}, {@code dedupe-store}), so the stage is the node name up to its first hyphen; a node named
 * otherwise (Kafka Streams' generated {@code KSTREAM-…} names) is reported as {@value #UNNAMED}.
 */
final class DeadLetterStage {
  static final String UNNAMED = "streams";

  private DeadLetterStage() {}

  static String of(String processorNodeId) {
    if (processorNodeId == null) {
      return UNNAMED;
    }
    int hyphen = processorNodeId.indexOf('-');
    String prefix = hyphen <= 0 ? "" : processorNodeId.substring(0, hyphen);
    return prefix.chars().allMatch(c -> c >= 'a' && c <= 'z') && !prefix.isEmpty() ? prefix : UNNAMED;
  }
}
