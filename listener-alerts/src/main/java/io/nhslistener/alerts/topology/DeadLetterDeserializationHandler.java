package io.nhslistener.alerts.topology;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.deadletter.DeadLetters.Reason;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@code listener.org.stats} record that cannot be read (a poison pill) to {@code listener.deadletter} with its
 * original bytes, stage {@value AlertTopology#STAGE} and reason {@code malformed}, and carries on. Kafka Streams
 * produces the dead letter in the task's transaction, so under {@code exactly_once_v2} it is written exactly once.
 * Configured by {@link AlertsErrorHandling#configure}.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = AlertsErrorHandling.deadLettersFrom(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
      Exception exception) {
    LOG.warn("Dead-lettering an unreadable record of {} partition {} offset {}: {}", record.topic(),
        record.partition(), record.offset(), AlertsErrorHandling.fault(exception));
    return Response.resume(List.of(deadLetters.record(AlertTopology.STAGE, Reason.MALFORMED,
        String.valueOf(exception.getMessage()), record.topic(), record.partition(), record.offset(), record.key(),
        record.value())));
  }
}
