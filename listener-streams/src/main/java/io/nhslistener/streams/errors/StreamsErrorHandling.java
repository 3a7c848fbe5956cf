package io.nhslistener.streams.errors;

import io.nhslistener.core.deadletter.DeadLetters;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Wires the dead-letter exception handlers into a Kafka Streams configuration. Kafka Streams builds handlers from
 * class names, so the shared {@link DeadLetters} instance travels in the configuration map under
 * {@link #DEAD_LETTERS_CONFIG}; the handlers read it back in {@code configure}.
 */
public final class StreamsErrorHandling {
  /** Configuration entry holding the process's {@link DeadLetters}. */
  public static final String DEAD_LETTERS_CONFIG = "listener.deadletters";

  private StreamsErrorHandling() {}

  /**
   * Sets the deserialization and processing exception handlers and the {@link DeadLetters} they use.
   *
   * @param streamsProperties a mutable Kafka Streams configuration
   */
  public static void configure(Map<Object, Object> streamsProperties, DeadLetters deadLetters) {
    streamsProperties.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    streamsProperties.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    streamsProperties.put(DEAD_LETTERS_CONFIG, deadLetters);
  }

  /** True in a global store's thread, whose context carries the task id -1_-1. */
  static boolean isGlobal(ErrorHandlerContext context) {
    TaskId task = context.taskId();
    return task != null && task.subtopology() < 0;
  }

  static DeadLetters deadLettersFrom(Map<String, ?> configs) {
    Object value = configs.get(DEAD_LETTERS_CONFIG);
    if (value instanceof DeadLetters deadLetters) {
      return deadLetters;
    }
    throw new IllegalStateException(DEAD_LETTERS_CONFIG + " must hold the process's DeadLetters instance (found "
        + (value == null ? "nothing" : value.getClass().getName()) + "); use StreamsErrorHandling.configure");
  }
}
