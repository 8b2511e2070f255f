package nl.doorstroom.platform.register;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One event as the register names it: where it is in the event store ({@code eventIdentifier}, and for an
 * aggregate's event its {@code aggregateIdentifier} and {@code sequenceNumber}), what it is, the business date it is
 * about and when the store took it; the same fields {@code /commitments/{ref}/history} shows. Taken from the event
 * message, so the live projection, a rebuild and a point-in-time answer name an event alike.
 */
public record EventRef(String eventIdentifier, String aggregateIdentifier, Long sequenceNumber, String eventType,
                       LocalDate occurredOn, Instant recordedAt) {

    /** The {@code occurredOn} accessor of an event record, null for an event without one. */
    private static final ClassValue<Method> OCCURRED_ON = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("occurredOn") && component.getType() == LocalDate.class) {
                    Method accessor = component.getAccessor();
                    return accessor.trySetAccessible() ? accessor : null;
                }
            }
            return null;
        }
    };

    public static EventRef of(EventMessage<?> message) {
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        return new EventRef(message.getIdentifier(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                occurredOn(message.getPayload()), message.getTimestamp());
    }

    private static LocalDate occurredOn(Object payload) {
        Method accessor = payload == null ? null : OCCURRED_ON.get(payload.getClass());
        if (accessor == null) {
            return null;
        }
        try {
            return (LocalDate) accessor.invoke(payload);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
