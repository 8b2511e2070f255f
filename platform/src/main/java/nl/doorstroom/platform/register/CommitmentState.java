package nl.doorstroom.platform.register;

import nl.doorstroom.platform.register.RegisterEvents.CommitmentProgressReported;
import nl.doorstroom.platform.register.RegisterEvents.CommitmentRegistered;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment as its events left it: the one fold that the live register, a point-in-time answer and a
 * rebuild all use. {@code registration} and {@code report} name the latest registration and progress report, the
 * events a status can rest on; a row stored before they were kept has them null until the register is rebuilt.
 */
public record CommitmentState(String ref, String parent, String title, List<String> owedBy, String service,
                              BigDecimal targetAmount, String targetUnit, LocalDate due, String dueText,
                              CommitmentStatus reportedStatus, String note, String reportedBy, LocalDate lastReportedOn,
                              EventRef registration, EventRef report) {

    /** @param at the event as stored, taken from its message */
    public static CommitmentState evolve(CommitmentState state, Object event, EventRef at) {
        if (event instanceof CommitmentRegistered e) {
            return new CommitmentState(e.ref(), e.parent(), e.title(), e.owedBy(), e.service(), e.targetAmount(),
                    e.targetUnit(), e.due(), e.dueText(),
                    state == null ? CommitmentStatus.OPEN : state.reportedStatus(),
                    state == null ? null : state.note(),
                    state == null ? null : state.reportedBy(),
                    state == null ? null : state.lastReportedOn(),
                    at, state == null ? null : state.report());
        }
        if (event instanceof CommitmentProgressReported e && state != null) {
            return new CommitmentState(state.ref(), state.parent(), state.title(), state.owedBy(), state.service(),
                    state.targetAmount(), state.targetUnit(), state.due(), state.dueText(),
                    e.status(), e.note(), e.reportedBy(), e.occurredOn(), state.registration(), at);
        }
        return state;
    }
}
