package nl.doorstroom.platform.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A register entry as clients read it. With a measured figure and a target, the status follows from the figure
 * (reached: MET; started: IN_PROGRESS) unless a report already said MET, LATE or MISSED, or the commitment was extended. A money commitment's figure is
 * what was paid: it is MET when that reaches the target, IN_PROGRESS once anything is committed or paid, and OPEN
 * while the money is only budgeted; one without a target (the table as a whole) is never MET by its figure.
 * A dated target past its due moment is judged on its figure at the due date instead ({@link #judgedAtDue}).
 * {@code why} says which of these decided the status and names the events behind it.
 */
public record CommitmentView(String ref, String parent, String title, List<String> owedBy, String service,
                             CommitmentStatus status, Target target, BigDecimal actual, LocalDate due, String dueText,
                             String note, String reportedBy, LocalDate lastReportedOn, Why why) {

    public record Target(BigDecimal amount, String unit) {
    }

    /** What a status rests on: the registration (OPEN), a progress report, or the service's measured figure. */
    public enum Basis { REGISTERED, REPORTED, MEASURED }

    /**
     * @param events      the commitment's own events the status rests on, in the order they were stored: the latest
     *                    registration (for MEASURED: it set the target), and for REPORTED the latest progress report
     * @param measure     the service's figure, what it counts and the events that moved it; present whenever the
     *                    service measures the commitment, but it decided the status only when the basis is MEASURED
     * @param measureAtDue for a dated target past its due moment, the figure as it stood at the end of the due date
     *                    (as known now), which decided MET, LATE or MISSED; null otherwise
     */
    public record Why(Basis basis, List<EventRef> events, Measurement measure, Measurement measureAtDue) {
    }

    static CommitmentView of(CommitmentState s, Measurement measured) {
        BigDecimal actual = measured == null ? null : measured.actual();
        Target target = s.targetAmount() == null ? null : new Target(s.targetAmount(), s.targetUnit());
        CommitmentStatus byFigure = byFigure(s, actual, measured == null ? null : measured.money());
        return new CommitmentView(s.ref(), s.parent(), s.title(), s.owedBy(), s.service(),
                byFigure != null ? byFigure : s.reportedStatus(), target, actual, s.due(), s.dueText(), s.note(),
                s.reportedBy(), s.lastReportedOn(), why(s, byFigure != null, measured));
    }

    /**
     * A dated target past its due moment: reached by the due date is MET, reached only since is LATE, not reached is
     * MISSED. The figure decides, whatever was reported, so the register, the deadline view and the gauges cannot part.
     */
    static CommitmentView judgedAtDue(CommitmentState s, Measurement now, Measurement atDue) {
        BigDecimal target = s.targetAmount();
        CommitmentStatus status = atDue.actual().compareTo(target) >= 0 ? CommitmentStatus.MET
                : now.actual().compareTo(target) >= 0 ? CommitmentStatus.LATE
                : CommitmentStatus.MISSED;
        return new CommitmentView(s.ref(), s.parent(), s.title(), s.owedBy(), s.service(), status,
                new Target(target, s.targetUnit()), now.actual(), s.due(), s.dueText(), s.note(), s.reportedBy(),
                s.lastReportedOn(), new Why(Basis.MEASURED, Stream.ofNullable(s.registration()).toList(), now, atDue));
    }

    /** The status the figure gives, or null when the figure decides nothing and the reported status stands. */
    private static CommitmentStatus byFigure(CommitmentState s, BigDecimal actual, Measurement.Money money) {
        CommitmentStatus reported = s.reportedStatus();
        if (actual == null || reported.standsAgainstTheFigure()) {
            return null;
        }
        if (s.targetAmount() != null && actual.compareTo(s.targetAmount()) >= 0) {
            return CommitmentStatus.MET;
        }
        boolean started = money != null ? money.started() : s.targetAmount() != null && actual.signum() > 0;
        return started ? CommitmentStatus.IN_PROGRESS : null;
    }

    private static Why why(CommitmentState s, boolean measuredStatus, Measurement measured) {
        Basis basis = measuredStatus ? Basis.MEASURED
                : s.lastReportedOn() != null ? Basis.REPORTED : Basis.REGISTERED;
        List<EventRef> events = Stream.of(s.registration(), basis == Basis.REPORTED ? s.report() : null)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(EventRef::sequenceNumber, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        return new Why(basis, events, measured, null);
    }
}
