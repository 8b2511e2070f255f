package nl.doorstroom.housing.projection;

import nl.doorstroom.housing.domain.HousingEvents.HousingCorrected;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.PrtAgreementRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwapProposed;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedIn;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedOut;
import nl.doorstroom.housing.domain.HousingForm;
import nl.doorstroom.housing.domain.Period;
import nl.doorstroom.housing.domain.PrtSubject;
import nl.doorstroom.platform.register.EventRef;
import nl.doorstroom.platform.register.FigureEvents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A municipality's figures for one half year as its events left them: its share of the taakstelling, the backlog
 * carried in, the persons taken over from and handed to other municipalities by swaps (III.5), the corrected
 * taakstelling after those swaps (share + backlog + swapped in - swapped out), persons housed (per housing form),
 * status holders COA linked to it, what the province's regietafel recorded about it, and the swaps it proposed that
 * the receiving municipality has not agreed to yet. {@link #evolve} is the one
 * fold for the live view, a point-in-time answer and a rebuild. The projection stores {@link #evolveNoting}: that fold, also keeping in {@code housedMovedBy} the events
 * that changed {@code housed}, which the register names behind a measured figure (III.12.4). It is null, not known,
 * in a fold without the events' references and in a row stored before it was kept, until a rebuild.
 */
public record MunicipalityPeriodState(String period, String gemeente, String provincie, int share, int backlog,
                                      int swappedIn, int swappedOut, int corrected, int housed, int linked,
                                      Map<HousingForm, Integer> housedByForm, LocalDate assignedOn,
                                      FigureEvents housedMovedBy, List<PrtEntry> prt,
                                      List<SwapAwaitingAgreement> swapsAwaitingAgreement) {

    /** A swap this municipality proposed (III.5), until {@code toGemeente} agrees to it by its {@code swapId}. */
    public record SwapAwaitingAgreement(String swapId, String toGemeente, int persons, String compensation,
                                        LocalDate proposedOn) {
    }

    /** The proposed swaps waiting for agreement; none in a row stored before they were kept. */
    public List<SwapAwaitingAgreement> swapsAwaiting() {
        return swapsAwaitingAgreement == null ? List.of() : swapsAwaitingAgreement;
    }

    /** What the province's regietafel recorded about this municipality and period, in the order it was recorded. */
    public record PrtEntry(PrtSubject subject, String note, LocalDate occurredOn) {
    }

    /** The PRT's entries; none in a row stored before they were kept. */
    public List<PrtEntry> prtEntries() {
        return prt == null ? List.of() : prt;
    }

    /** The row an event is about ({@code 2022-H2:GM0363}), or null when it is about no municipality's period. */
    public static String keyOf(Object event) {
        if (event instanceof TaakstellingAssigned e) return key(e.period(), e.gemeente());
        if (event instanceof HousingRecorded e) return key(e.period(), e.gemeente());
        if (event instanceof HousingCorrected e) return key(e.period(), e.gemeente());
        if (event instanceof TaakstellingSwappedOut e) return key(e.period(), e.gemeente());
        if (event instanceof TaakstellingSwapProposed e) return key(e.period(), e.gemeente());
        if (event instanceof TaakstellingSwappedIn e) return key(e.period(), e.gemeente());
        if (event instanceof StatushouderLinked e) return key(Period.containing(e.occurredOn()).toString(), e.gemeente());
        if (event instanceof PrtAgreementRecorded e) return key(e.period(), e.gemeente());
        return null;
    }

    /** The business date of an event {@link #keyOf} places in a row: its valid time. */
    public static LocalDate occurredOn(Object event) {
        if (event instanceof TaakstellingAssigned e) return e.occurredOn();
        if (event instanceof HousingRecorded e) return e.occurredOn();
        if (event instanceof HousingCorrected e) return e.occurredOn();
        if (event instanceof TaakstellingSwappedOut e) return e.occurredOn();
        if (event instanceof TaakstellingSwapProposed e) return e.occurredOn();
        if (event instanceof TaakstellingSwappedIn e) return e.occurredOn();
        if (event instanceof StatushouderLinked e) return e.occurredOn();
        if (event instanceof PrtAgreementRecorded e) return e.occurredOn();
        return null;
    }

    public static String key(String period, String gemeente) {
        return period + ":" + gemeente;
    }

    public static MunicipalityPeriodState empty(String period, String gemeente, String provincie) {
        return new MunicipalityPeriodState(period, gemeente, provincie, 0, 0, 0, 0, 0, 0, 0, Map.of(), null, null, List.of(), List.of());
    }

    /** {@link #evolve(MunicipalityPeriodState, Object)}, noting {@code at} when the event changed {@code housed}. */
    public static MunicipalityPeriodState evolveNoting(MunicipalityPeriodState s, Object event, EventRef at) {
        MunicipalityPeriodState next = evolve(s, event);
        if (next == null) {
            return null;
        }
        int before = s == null ? 0 : s.housed();
        return next.movedBy(FigureEvents.after(s == null ? FigureEvents.NONE : s.housedMovedBy(),
                before != next.housed(), at));
    }

    public static MunicipalityPeriodState evolve(MunicipalityPeriodState s, Object event) {
        if (event instanceof TaakstellingAssigned e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, e.share(), e.backlog(), b.swappedIn,
                    b.swappedOut, e.corrected() + b.swappedIn - b.swappedOut, b.housed, b.linked, b.housedByForm, e.occurredOn(),
                    b.housedMovedBy, b.prt, b.swapsAwaitingAgreement);
        }
        if (event instanceof TaakstellingSwappedOut e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            List<SwapAwaitingAgreement> awaiting = b.swapsAwaiting().stream().filter(a -> !a.swapId().equals(e.swapId())).toList();
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn,
                    b.swappedOut + e.persons(), b.corrected - e.persons(), b.housed, b.linked, b.housedByForm, b.assignedOn,
                    b.housedMovedBy, b.prt, awaiting);
        }
        if (event instanceof TaakstellingSwapProposed e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            List<SwapAwaitingAgreement> awaiting = new ArrayList<>(b.swapsAwaiting());
            awaiting.add(new SwapAwaitingAgreement(e.swapId(), e.toGemeente(), e.persons(), e.compensation(), e.occurredOn()));
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn,
                    b.swappedOut, b.corrected, b.housed, b.linked, b.housedByForm, b.assignedOn, b.housedMovedBy, b.prt,
                    List.copyOf(awaiting));
        }
        if (event instanceof TaakstellingSwappedIn e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn + e.persons(),
                    b.swappedOut, b.corrected + e.persons(), b.housed, b.linked, b.housedByForm, b.assignedOn,
                    b.housedMovedBy, b.prt, b.swapsAwaitingAgreement);
        }
        if (event instanceof HousingRecorded e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            Map<HousingForm, Integer> byForm = new EnumMap<>(HousingForm.class);
            byForm.putAll(b.housedByForm);
            byForm.merge(e.housingForm(), e.persons(), Integer::sum);
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn,
                    b.swappedOut, b.corrected, b.housed + e.persons(), b.linked, Map.copyOf(byForm), b.assignedOn,
                    b.housedMovedBy, b.prt, b.swapsAwaitingAgreement);
        }
        if (event instanceof HousingCorrected e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            Map<HousingForm, Integer> byForm = new EnumMap<>(HousingForm.class);
            byForm.putAll(b.housedByForm);
            byForm.merge(e.housingForm(), e.change(), Integer::sum);
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn,
                    b.swappedOut, b.corrected, b.housed + e.change(), b.linked, Map.copyOf(byForm), b.assignedOn,
                    b.housedMovedBy, b.prt, b.swapsAwaitingAgreement);
        }
        if (event instanceof StatushouderLinked e) {
            MunicipalityPeriodState b = s == null
                    ? empty(Period.containing(e.occurredOn()).toString(), e.gemeente(), e.provincie()) : s;
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn,
                    b.swappedOut, b.corrected, b.housed, b.linked + 1, b.housedByForm, b.assignedOn, b.housedMovedBy, b.prt, b.swapsAwaitingAgreement);
        }
        if (event instanceof PrtAgreementRecorded e) {
            MunicipalityPeriodState b = s == null ? empty(e.period(), e.gemeente(), e.provincie()) : s;
            List<PrtEntry> entries = new ArrayList<>(b.prtEntries());
            entries.add(new PrtEntry(e.subject(), e.note(), e.occurredOn()));
            return new MunicipalityPeriodState(b.period, b.gemeente, b.provincie, b.share, b.backlog, b.swappedIn,
                    b.swappedOut, b.corrected, b.housed, b.linked, b.housedByForm, b.assignedOn, b.housedMovedBy,
                    List.copyOf(entries), b.swapsAwaitingAgreement);
        }
        return s;
    }

    private MunicipalityPeriodState movedBy(FigureEvents events) {
        return new MunicipalityPeriodState(period, gemeente, provincie, share, backlog, swappedIn, swappedOut,
                corrected, housed, linked, housedByForm, assignedOn, events, prt, swapsAwaitingAgreement);
    }
}
