package nl.adempauze.platform.messaging;

import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Dead-letters a record of a batch as it would a record consumed alone: the exception headers name what failed on
 * that record (an {@code InvalidEventException}, say), not the {@link BatchListenerFailedException} that only
 * told the error handler which record of the poll it was. Whoever reads a dead-letter topic sees the same reason
 * whether the record came in a batch or alone.
 */
public class RecordDeadLetters extends DeadLetterPublishingRecoverer {

    public RecordDeadLetters(KafkaOperations<?, ?> template,
                             BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
        super(template, destination);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        super.accept(record, consumer, asRecordFailure(exception));
    }

    static Exception asRecordFailure(Exception exception) {
        if (exception instanceof ListenerExecutionFailedException listener
                && listener.getCause() instanceof BatchListenerFailedException batch && batch.getCause() != null) {
            return new ListenerExecutionFailedException(listener.getMessage(), listener.getGroupId(), batch.getCause());
        }
        return exception;
    }
}
