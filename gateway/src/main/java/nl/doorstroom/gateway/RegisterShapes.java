package nl.doorstroom.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the register's answers look like, for the gateway's OpenAPI document only: the gateway relays the owning
 * service's bodies as they are, so these are the services' {@code CommitmentView} and history {@code Entry} shapes
 * under the same names. The gateway does not take platform (Axon, JPA) for them; its ApiDocumentTest fails when
 * these and the services' kept documents part.
 */
final class RegisterShapes {

    private RegisterShapes() {
    }

    enum CommitmentStatus { OPEN, IN_PROGRESS, MET, LATE, MISSED, EXTENDED }

    enum Basis { REGISTERED, REPORTED, MEASURED }

    record CommitmentView(String ref, String parent, String title, List<String> owedBy, String service,
                          CommitmentStatus status, Target target, BigDecimal actual, LocalDate due, String dueText,
                          String note, String reportedBy, LocalDate lastReportedOn, Why why) {
    }

    record Target(BigDecimal amount, String unit) {
    }

    record Why(Basis basis, List<EventRef> events, Measurement measure, Measurement measureAtDue) {
    }

    record EventRef(String eventIdentifier, String aggregateIdentifier, Long sequenceNumber, String eventType,
                    LocalDate occurredOn, Instant recordedAt) {
    }

    record Measurement(BigDecimal actual, String description, Long eventCount, List<EventRef> events, Money money) {

        record Money(BigDecimal budgeted, BigDecimal committed, BigDecimal paid, BigDecimal settled) {
        }
    }

    record Entry(Long globalIndex, Long sequenceNumber, String eventIdentifier, String eventType, LocalDate occurredOn,
                 Instant recordedAt, String causedBy, String traceparent, JsonNode event, String hash) {
    }
}
