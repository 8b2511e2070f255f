package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A register entry as clients read it. With a measured figure and a target, the status follows from the figure
 * (reached: MET; started: IN_PROGRESS) unless a report already said MET or MISSED.
 */
public record CommitmentView(String ref, String parent, String title, List<String> owedBy, String service,
                             CommitmentStatus status, Target target, BigDecimal actual, LocalDate due, String dueText,
                             String note, String reportedBy, LocalDate lastReportedOn) {

    public record Target(BigDecimal amount, String unit) {
    }

    static CommitmentView of(CommitmentState s, BigDecimal actual) {
        Target target = s.targetAmount() == null ? null : new Target(s.targetAmount(), s.targetUnit());
        return new CommitmentView(s.ref(), s.parent(), s.title(), s.owedBy(), s.service(), status(s, actual), target,
                actual, s.due(), s.dueText(), s.note(), s.reportedBy(), s.lastReportedOn());
    }

    private static CommitmentStatus status(CommitmentState s, BigDecimal actual) {
        CommitmentStatus reported = s.reportedStatus();
        if (actual == null || s.targetAmount() == null
                || reported == CommitmentStatus.MET || reported == CommitmentStatus.MISSED) {
            return reported;
        }
        if (actual.compareTo(s.targetAmount()) >= 0) {
            return CommitmentStatus.MET;
        }
        return actual.signum() > 0 ? CommitmentStatus.IN_PROGRESS : reported;
    }
}
