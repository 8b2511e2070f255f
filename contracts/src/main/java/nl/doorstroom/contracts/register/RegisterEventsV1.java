package nl.doorstroom.contracts.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The commitment-register events every service publishes on its own topic, version 1.
 * {@code source} of the CloudEvent names the owning service.
 */
public final class RegisterEventsV1 {

    public static final String TYPE_PREFIX = "nl.doorstroom.register.";

    private RegisterEventsV1() {
    }

    public static String type(Class<? extends Record> contract) {
        return TYPE_PREFIX + contract.getSimpleName() + ".v1";
    }

    public record CommitmentRegistered(String ref, String parent, String title, List<String> owedBy, String service,
                                       BigDecimal targetAmount, String targetUnit, LocalDate due, String dueText,
                                       LocalDate occurredOn) {
    }

    public record CommitmentProgressReported(String ref, String status, String note, String reportedBy,
                                             LocalDate occurredOn) {
    }
}
