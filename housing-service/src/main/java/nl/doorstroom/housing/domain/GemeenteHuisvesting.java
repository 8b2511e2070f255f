package nl.doorstroom.housing.domain;

import nl.doorstroom.housing.domain.HousingCommands.AssignTaakstelling;
import nl.doorstroom.housing.domain.HousingCommands.LinkStatushouder;
import nl.doorstroom.housing.domain.HousingCommands.RecordFlexHomes;
import nl.doorstroom.housing.domain.HousingCommands.RecordHousing;
import nl.doorstroom.housing.domain.HousingEvents.FlexHomesRealised;
import nl.doorstroom.housing.domain.HousingEvents.HousingRecorded;
import nl.doorstroom.housing.domain.HousingEvents.StatushouderLinked;
import nl.doorstroom.housing.domain.HousingEvents.TaakstellingAssigned;
import nl.doorstroom.platform.domain.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

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
 */
@Aggregate
public class GemeenteHuisvesting {

    private static final int MOST_AT_ONCE = 10_000;

    @AggregateIdentifier
    private String gemeente;
    private final Map<Period, Integer> corrected = new HashMap<>();
    private final Map<Period, Integer> shares = new HashMap<>();
    private final Map<Period, Integer> housed = new HashMap<>();
    private final Set<String> housedZaken = new HashSet<>();
    private final Set<String> linkedZaken = new HashSet<>();

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

    /** Commands name the municipality by its current code; callers resolve merged codes first. */
    private static Gemeente known(String code) {
        return Gemeenten.find(code).filter(g -> g.code().equals(code))
                .orElseThrow(() -> new RuleViolation("gemeente", "unknown municipality " + code));
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
        if (event.zaakId() != null) {
            housedZaken.add(event.zaakId());
        }
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
