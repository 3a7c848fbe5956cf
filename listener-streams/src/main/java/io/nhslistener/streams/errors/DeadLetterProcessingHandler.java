package io.nhslistener.streams.errors;

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
 * A processor that throws on one record must not stop the stream: the record's original input bytes go to
 * {@code listener.deadletter} with reason {@code malformed} when the exception is a
 * {@link RecordFormatException} (a record that reads but is not valid, e.g. a null value), {@code processing}
 * otherwise, and processing resumes. An exception outside any input
 * record (in a punctuator) has nothing to dead-letter and fails the task instead, so that a bug in window closing is
 * never hidden. In a global store's thread, where Kafka Streams cannot produce dead letters, the record is logged and
 * skipped. Configured by {@link StreamsErrorHandling#configure}.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private DeadLetters deadLetters;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetters = StreamsErrorHandling.deadLettersFrom(configs);
  }

  @Override
  public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    String stage = DeadLetterStage.of(context.processorNodeId());
    if (StreamsErrorHandling.isGlobal(context)) {
      LOG.error("Global store update failed on {} partition {} offset {} (node {}); record skipped", context.topic(),
          context.partition(), context.offset(), context.processorNodeId(), exception);
      return Response.resume();
    }
    if (record == null || context.topic() == null) {
      LOG.error("Stage {} failed outside any input record (node {})", stage, context.processorNodeId(), exception);
      return Response.fail();
    }
    LOG.warn("Dead-lettering a record of {} partition {} offset {} that node {} could not process: {}",
        context.topic(), context.partition(), context.offset(), context.processorNodeId(),
        DeadLetterDeserializationHandler.fault(exception), exception);
    // Readable bytes that still make no valid record (a null value, a field out of range) are malformed, not a fault.
    Reason reason = exception instanceof RecordFormatException ? Reason.MALFORMED : Reason.PROCESSING;
    return Response.resume(List.of(deadLetters.record(stage, reason,
        exception.getClass().getSimpleName() + ": " + exception.getMessage(), context.topic(), context.partition(),
        context.offset(), context.sourceRawKey(), context.sourceRawValue())));
  }
}
