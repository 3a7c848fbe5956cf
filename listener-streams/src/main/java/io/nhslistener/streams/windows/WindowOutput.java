package io.nhslistener.streams.windows;

/** What the window processor emits: a closed window, or a late mention already turned into a dead letter. */
sealed interface WindowOutput {
  /** A closed window of the record key's organisation. */
  record Closed(WindowAggregate window) implements WindowOutput {}

  /** A {@code listener.deadletter} value for a mention that arrived after its window was emitted. */
  record Late(byte[] deadLetter) implements WindowOutput {}
}
