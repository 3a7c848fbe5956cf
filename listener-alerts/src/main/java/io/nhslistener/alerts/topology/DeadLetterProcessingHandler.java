package io.nhslistener.alerts.topology;

import io.nhslistener.core.deadletter.DeadLetters;
import io.nhslistener.core.deadletter.DeadLetters.Reason;
import io.nhslistener.core.model.RecordFormatException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A window the detector cannot process must not stop every organisation's alerts: its original input bytes go to
 * {@code listener.deadletter} (stage {@value AlertTopology#STAGE}) and processing resumes. The reason is
 * {@code malformed} for a record that is readable JSON but not a valid window record ({@link RecordFormatException},
 * e.g. keyed by another organisation), {@code processing} for anything else. An exception outside any input record has
 * nothing to dead-letter and fails the task instead, so a bug is never hidden. Configured by
 * {@link AlertsErrorHandling#configure}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = AlertsErrorHandling.deadLettersFrom(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (record == null || context.topic() == null) {
      LOG.error("Alert detection failed outside any input record (node {})", context.processorNodeId(), exception);
      return Response.fail();
    }
    Reason reason = exception instanceof RecordFormatException ? Reason.MALFORMED : Reason.PROCESSING;
    LOG.warn("Dead-lettering a record of {} partition {} offset {} that node {} could not process: {}",
        context.topic(), context.partition(), context.offset(), context.processorNodeId(),
        AlertsErrorHandling.fault(exception), exception);
    return Response.resume(List.of(deadLetters.record(AlertTopology.STAGE, reason,
        exception.getClass().getSimpleName() + ": " + exception.getMessage(), context.topic(), context.partition(),
        context.offset(), context.sourceRawKey(), context.sourceRawValue())));
  }
}
