package nl.doorstroom.platform.register;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands on the commitment register; a commitment is addressed by its article reference. */
public final class RegisterCommands {

    private RegisterCommands() {
    }

    public record RegisterCommitment(@TargetAggregateIdentifier String ref, String parent, String title, List<String> owedBy,
                                     String service, BigDecimal targetAmount, String targetUnit, LocalDate due,
                                     String dueText, int catalogueVersion, LocalDate agreedOn) {
    }

    public record ReportCommitmentProgress(@TargetAggregateIdentifier String ref, CommitmentStatus status, String note,
                                           String reportedBy, LocalDate occurredOn) {
    }
}
