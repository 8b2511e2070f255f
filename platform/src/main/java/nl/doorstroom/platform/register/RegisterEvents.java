package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What happened to commitments in the register. {@code occurredOn} is the business date the event is about. */
public final class RegisterEvents {

    private RegisterEvents() {
    }

    /** Entered the register (or its catalogue text changed, in a later catalogue version); dated on the agreement. */
    public record CommitmentRegistered(String ref, String parent, String title, List<String> owedBy, String service,
                                       BigDecimal targetAmount, String targetUnit, LocalDate due, String dueText,
                                       int catalogueVersion, LocalDate occurredOn) {
    }

    public record CommitmentProgressReported(String ref, CommitmentStatus status, String note, String reportedBy,
                                             LocalDate occurredOn) {
    }
}
