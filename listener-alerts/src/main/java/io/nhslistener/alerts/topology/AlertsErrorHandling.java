package io.nhslistener.alerts.topology;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.model.RecordFormatException;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Wires the dead-letter exception handlers into the detection topology's Kafka Streams configuration. Kafka Streams
 * builds handlers from class names, so the process's {@link DeadLetters} travels in the configuration map under
 * {@link #DEAD_LETTERS_CONFIG} and the handlers read it back in {@code configure}. Every dead letter of this topology
 * has stage {@value AlertTopology#STAGE}.
 */
public final class AlertsErrorHandling {
  /** Configuration entry holding the process's {@link DeadLetters}. */
  public static final String DEAD_LETTERS_CONFIG = "listener.alerts.deadletters";

  private AlertsErrorHandling() {}

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

  static DeadLetters deadLettersFrom(Map<String, ?> configs) {
    Object value = configs.get(DEAD_LETTERS_CONFIG);
    if (value instanceof DeadLetters deadLetters) {
      return deadLetters;
    }
    throw new IllegalStateException(DEAD_LETTERS_CONFIG + " must hold the process's DeadLetters instance (found "
        + (value == null ? "nothing" : value.getClass().getName()) + "); use AlertsErrorHandling.configure");
  }

  /** What a log line may say about a failure: the record field at fault, never its value (values can be text). */
  static String fault(Exception exception) {
    return exception instanceof RecordFormatException rfe
        ? rfe.recordType() + "." + rfe.field()
        : exception.getClass().getSimpleName();
  }
}
