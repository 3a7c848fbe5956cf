package io.nhslistener.streams.errors;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.deadletter.DeadLetters.Reason;
import io.nhslistener.core.model.RecordFormatException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records whose key or value cannot be read (poison pills) to {@code listener.deadletter} with their original
 * bytes and reason {@code malformed}, and carries on. Kafka Streams produces the dead letter in the same transaction
 * as the task's progress, so under {@code exactly_once_v2} it is written exactly once. Configured by
 * {@link StreamsErrorHandling#configure}.
 *
 * <p>Limit: Kafka Streams cannot yet produce dead letters from a global store's thread (the watchlist from
 * {@code listener.rules}); such a record is logged as an error and skipped, and stays in its compacted topic until it
 * is replaced.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = StreamsErrorHandling.deadLettersFrom(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    String stage = DeadLetterStage.of(context.processorNodeId());
    if (StreamsErrorHandling.isGlobal(context)) {
      LOG.error("Skipping an unreadable record of {} partition {} offset {} (global store, stage {}): {}; it stays in"
          + " the topic until replaced", record.topic(), record.partition(), record.offset(), stage, fault(exception));
      return Response.resume();
    }
    // The log names the field at fault, never its value: values can be personal text.
    LOG.warn("Dead-lettering an unreadable record of {} partition {} offset {} in stage {}: {}", record.topic(),
        record.partition(), record.offset(), stage, fault(exception));
    return Response.resume(List.of(deadLetters.record(stage, Reason.MALFORMED, String.valueOf(exception.getMessage()),
        record.topic(), record.partition(), record.offset(), record.key(), record.value())));
  }

  static String fault(Exception exception) {
    return exception instanceof RecordFormatException rfe
        ? rfe.recordType() + "." + rfe.field()
        : exception.getClass().getSimpleName();
  }
}
