package nl.doorstroom.housing.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import nl.doorstroom.housing.domain.HousingCommands.AgreeToSwap;
import nl.doorstroom.housing.domain.HousingCommands.AssignTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.CorrectHousing;
import nl.doorstroom.housing.domain.HousingCommands.LinkStatushouder;
import nl.doorstroom.housing.domain.HousingCommands.RecordFlexHomes;
import nl.doorstroom.housing.domain.HousingCommands.ReceiveSwappedTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.RecordHousing;
import nl.doorstroom.housing.domain.HousingCommands.RecordPrtAgreement;
import nl.doorstroom.housing.domain.HousingCommands.SwapOutcome;
import nl.doorstroom.housing.domain.HousingCommands.SwapTaakstelling;
import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingEvents.HousingCorrected;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.PrtAgreementRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwapProposed;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedIn;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingSwappedOut;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.snapshot.Snapshots;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One municipality's task of housing vergunninghouders, half year by half year. Its earlier results are taken
 * into account (III.12.5): what it owed in the previous period (share plus backlog) minus what it housed then
 * is carried into the next period — a backlog when it stayed behind, a credit (negative) when it housed more.
 * The carried figure is fixed when the next taakstelling is assigned, as the Rijk's circular fixes it.
 * <p>
 * Municipalities may swap (uitruilen, III.5) part of the taakstelling for a period in exchange for CNO or reception
 * tasks, within their province: the agreement keeps swaps inside the province until the emergency law allows more,
 * and that law's entry into force is not recorded anywhere yet. A swap is agreed by both municipalities: the giving
 * one proposes it ({@link TaakstellingSwapProposed}, under a swap id of its own, {@code 2022-H2:GM0344:1}) and it
 * takes effect when the receiving one agrees; or their province's regietafel arranges it with both, and it takes
 * effect at once. Only the giver's own figures say how much of its corrected taakstelling is still to be housed, and
 * that is the limit, checked again at the agreement. It records {@link TaakstellingSwappedOut};
 * {@link TaakstellingSwap} then hands the receiving municipality
 * {@link TaakstellingSwappedIn}, once per swap id. Both corrected figures change, so the backlog carried into the
 * next period follows from the swapped figure. The receiver has its taakstelling by then: every municipality is
 * assigned from the same distribution, and the swap is passed on by the processor that makes those assignments,
 * in event order. A period whose result was already carried forward takes no more swaps.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER, cache = Snapshots.CACHE)
// a snapshot is these fields as JSON; a change to them or to a fold raises the revision, and older snapshots are passed over
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public class GemeenteHuisvesting {

    private static final int MOST_AT_ONCE = 10_000;

    @AggregateIdentifier
    private String gemeente;
    private final Map<Period, Integer> corrected = new HashMap<>();
    private final Map<Period, Integer> shares = new HashMap<>();
    private final Map<Period, Integer> housed = new HashMap<>();
    private final Map<Period, Map<HousingForm, Integer>> housedByForm = new HashMap<>();
    private final Set<String> housedZaken = new HashSet<>();
    private final Set<String> linkedZaken = new HashSet<>();
    // swap ids numbered per period, proposed or arranged; and the proposals still waiting for the receiver
    private final Map<Period, Integer> swapsNumbered = new HashMap<>();
    private final Map<String, TaakstellingSwapProposed> swapsProposed = new HashMap<>();
    private final Set<String> swapsIn = new HashSet<>();

    protected GemeenteHuisvesting() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssignTaakstelling command) {
        Gemeente g = known(command.gemeente());
        Period period = period(command.period());
        if (command.share() < 0) {
            throw new RuleViolation("share", "a share of a taakstelling cannot be negative");
        }
        if (shares.containsKey(period)) {
            if (shares.get(period) == command.share()) {
                return;
            }
            throw new RuleViolation("period", g.code() + " already has its taakstelling for " + period + ": " + shares.get(period));
        }
        Period previous = period.previous();
        int backlog = corrected.containsKey(previous) ? corrected.get(previous) - housed.getOrDefault(previous, 0) : 0;
        apply(new TaakstellingAssigned(g.code(), g.provincieCode(), period.toString(), command.share(), backlog,
                command.share() + backlog, command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordHousing command) {
        Gemeente g = known(command.gemeente());
        Period period = period(command.period());
        if (command.persons() <= 0) {
            throw new RuleViolation("persons", "housing is recorded for at least one person");
        }
        if (command.persons() > MOST_AT_ONCE) {
            throw new RuleViolation("persons", "more than " + MOST_AT_ONCE + " persons at once is not a plausible report");
        }
        if (command.housingForm() == null) {
            throw new RuleViolation("housingForm", "the housing form is one of regular stock, intermediate facility, temporary facility or flex home");
        }
        if (command.zaakId() != null && housedZaken.contains(command.zaakId())) {
            throw new RuleViolation("zaakId", "case " + command.zaakId() + " was already housed by " + g.code());
        }
        apply(new HousingRecorded(g.code(), g.provincieCode(), period.toString(), command.persons(), command.housingForm(),
                command.zaakId(), command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CorrectHousing command) {
        Gemeente g = known(command.gemeente());
        Period period = period(command.period());
        if (command.housingForm() == null) {
            throw new RuleViolation("housingForm", "a correction names the housing form whose count it corrects");
        }
        if (command.persons() < 0 || command.persons() > MOST_AT_ONCE) {
            throw new RuleViolation("persons", "the corrected count is between 0 and " + MOST_AT_ONCE);
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reason", "a correction says why the earlier count was wrong");
        }
        int reported = housedByForm.getOrDefault(period, Map.of()).getOrDefault(command.housingForm(), 0);
        if (reported == command.persons()) {
            throw new RuleViolation("persons", g.code() + " already counts " + reported + " housed in " + period + " as " + command.housingForm());
        }
        apply(new HousingCorrected(g.code(), g.provincieCode(), period.toString(), command.housingForm(), reported,
                command.persons(), command.reason(), command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(LinkStatushouder command) {
        Gemeente g = known(command.gemeente());
        if (command.zaakId() == null || command.zaakId().isBlank()) {
            throw new RuleViolation("zaakId", "a link names COA's case id");
        }
        if (linkedZaken.contains(command.zaakId())) {
            throw new RuleViolation("zaakId", "case " + command.zaakId() + " is already linked to " + g.code());
        }
        apply(new StatushouderLinked(g.code(), g.provincieCode(), command.zaakId(), command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFlexHomes command) {
        Gemeente g = known(command.gemeente());
        if (command.homes() <= 0) {
            throw new RuleViolation("homes", "flex homes are recorded one or more at a time");
        }
        if (command.homes() > MOST_AT_ONCE) {
            throw new RuleViolation("homes", "more than " + MOST_AT_ONCE + " flex homes at once is not a plausible report");
        }
        apply(new FlexHomesRealised(g.code(), g.provincieCode(), command.homes(), command.centrallyProcured(), command.occurredOn()));
    }

    /** The receiver agrees to a proposed swap by the id this returns; one the regietafel arranged is in effect at once. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public SwapOutcome handle(SwapTaakstelling command) {
        Gemeente from = known(command.fromGemeente(), "fromGemeente");
        Gemeente to = known(command.toGemeente(), "toGemeente");
        Period period = period(command.period());
        if (from.code().equals(to.code())) {
            throw new RuleViolation("toGemeente", "a municipality swaps its taakstelling with another municipality, not with itself");
        }
        if (command.persons() < 1) {
            throw new RuleViolation("persons", "a swap hands over the housing of at least one person");
        }
        if (command.compensation() == null || command.compensation().isBlank()) {
            throw new RuleViolation("compensation", "a swap names what the giving municipality takes on in return, such as CNO places");
        }
        if (!from.provincieCode().equals(to.provincieCode())) {
            throw new RuleViolation("toGemeente", to.code() + " lies in " + to.provincieNaam() + ", " + from.code() + " in "
                    + from.provincieNaam() + ": taakstelling is swapped within the province (III.5)");
        }
        mayStillGive(from, period, command.persons());
        String swapId = period + ":" + from.code() + ":" + (swapsNumbered.getOrDefault(period, 0) + 1);
        if (from.provincieCode().equals(command.arrangedBy())) {
            // the regietafel arranged it with both municipalities
            apply(new TaakstellingSwappedOut(swapId, from.code(), from.provincieCode(), period.toString(), to.code(),
                    to.provincieCode(), command.persons(), command.compensation(),
                    true, command.occurredOn(), command.arrangedBy(), null));
            return new SwapOutcome(swapId, true);
        }
        apply(new TaakstellingSwapProposed(swapId, from.code(), from.provincieCode(), period.toString(), to.code(),
                to.provincieCode(), command.persons(), command.compensation(), command.occurredOn()));
        return new SwapOutcome(swapId, false);
    }

    @CommandHandler
    public void handle(AgreeToSwap command) {
        TaakstellingSwapProposed proposed = swapsProposed.get(command.swapId());
        if (proposed == null) {
            throw new RuleViolation("swapId", "no swap " + command.swapId() + " of " + gemeente + " waits for agreement");
        }
        if (!proposed.toGemeente().equals(command.toGemeente())) {
            throw new RuleViolation("swapId", command.swapId() + " is proposed to " + proposed.toGemeente() + ", not to "
                    + command.toGemeente());
        }
        if (command.occurredOn().isBefore(proposed.occurredOn())) {
            throw new RuleViolation("occurredOn", "an agreement cannot precede the proposal of " + proposed.occurredOn());
        }
        Gemeente from = known(proposed.gemeente(), "fromGemeente");
        mayStillGive(from, Period.parse(proposed.period()), proposed.persons());
        apply(new TaakstellingSwappedOut(proposed.swapId(), proposed.gemeente(), proposed.provincie(), proposed.period(),
                proposed.toGemeente(), proposed.toProvincie(), proposed.persons(), proposed.compensation(), true,
                command.occurredOn(), proposed.gemeente(), command.toGemeente()));
    }

    /** What the giver still has to house of the period is what it can give; a period carried forward takes no swaps. */
    private void mayStillGive(Gemeente from, Period period, int persons) {
        if (!corrected.containsKey(period)) {
            throw new RuleViolation("period", from.code() + " has no taakstelling for " + period + " yet");
        }
        if (corrected.keySet().stream().anyMatch(later -> later.compareTo(period) > 0)) {
            throw new RuleViolation("period", "the result of " + period + " was already carried into the next taakstelling of " + from.code());
        }
        int remaining = corrected.get(period) - housed.getOrDefault(period, 0);
        if (persons > remaining) {
            throw new RuleViolation("persons", from.code() + " has " + Math.max(0, remaining) + " of its " + period
                    + " taakstelling left to house and cannot give away " + persons);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPrtAgreement command) {
        Gemeente g = known(command.gemeente());
        Period period = period(command.period());
        if (!g.provincieCode().equals(command.provincie())) {
            throw new RuleViolation("gemeente", g.code() + " lies in " + g.provincieNaam() + ", not in " + command.provincie());
        }
        if (!corrected.containsKey(period)) {
            throw new RuleViolation("period", g.code() + " has no taakstelling for " + period + " to agree on");
        }
        apply(new PrtAgreementRecorded(g.code(), g.provincieCode(), period.toString(), command.subject(), command.note(),
                command.occurredOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReceiveSwappedTaakstelling command) {
        Gemeente to = known(command.toGemeente(), "toGemeente");
        Gemeente from = known(command.fromGemeente(), "fromGemeente");
        Period period = period(command.period());
        if (swapsIn.contains(command.swapId())) {
            return;
        }
        if (!corrected.containsKey(period)) {
            throw new RuleViolation("period", to.code() + " has no taakstelling for " + period + " to take a swap into");
        }
        apply(new TaakstellingSwappedIn(command.swapId(), to.code(), to.provincieCode(), period.toString(), from.code(),
                from.provincieCode(), command.persons(), command.compensation(),
                from.provincieCode().equals(to.provincieCode()), command.occurredOn()));
    }

    private static Gemeente known(String code) {
        return known(code, "gemeente");
    }

    /** Commands name the municipality by its current code; callers resolve merged codes first. */
    private static Gemeente known(String code, String field) {
        return Gemeenten.find(code).filter(g -> g.code().equals(code))
                .orElseThrow(() -> new RuleViolation(field, "unknown municipality " + code));
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("period", e.getMessage());
        }
    }

    @EventSourcingHandler
    void on(TaakstellingAssigned event) {
        this.gemeente = event.gemeente();
        Period period = Period.parse(event.period());
        shares.put(period, event.share());
        corrected.put(period, event.corrected());
    }

    @EventSourcingHandler
    void on(HousingRecorded event) {
        this.gemeente = event.gemeente();
        housed.merge(Period.parse(event.period()), event.persons(), Integer::sum);
        housedByForm.computeIfAbsent(Period.parse(event.period()), p -> new EnumMap<>(HousingForm.class))
                .merge(event.housingForm(), event.persons(), Integer::sum);
        if (event.zaakId() != null) {
            housedZaken.add(event.zaakId());
        }
    }

    @EventSourcingHandler
    void on(HousingCorrected event) {
        this.gemeente = event.gemeente();
        Period period = Period.parse(event.period());
        housed.merge(period, event.change(), Integer::sum);
        housedByForm.computeIfAbsent(period, p -> new EnumMap<>(HousingForm.class)).put(event.housingForm(), event.to());
    }

    @EventSourcingHandler
    void on(TaakstellingSwapProposed event) {
        this.gemeente = event.gemeente();
        swapsNumbered.merge(Period.parse(event.period()), 1, Integer::sum);
        swapsProposed.put(event.swapId(), event);
    }

    @EventSourcingHandler
    void on(TaakstellingSwappedOut event) {
        this.gemeente = event.gemeente();
        Period period = Period.parse(event.period());
        corrected.merge(period, -event.persons(), Integer::sum);
        if (swapsProposed.remove(event.swapId()) == null) {
            swapsNumbered.merge(period, 1, Integer::sum);
        }
    }

    @EventSourcingHandler
    void on(TaakstellingSwappedIn event) {
        this.gemeente = event.gemeente();
        corrected.merge(Period.parse(event.period()), event.persons(), Integer::sum);
        swapsIn.add(event.swapId());
    }

    @EventSourcingHandler
    void on(PrtAgreementRecorded event) {
        this.gemeente = event.gemeente();
    }

    @EventSourcingHandler
    void on(FlexHomesRealised event) {
        this.gemeente = event.gemeente();
    }

    @EventSourcingHandler
    void on(StatushouderLinked event) {
        this.gemeente = event.gemeente();
        linkedZaken.add(event.zaakId());
    }
}
