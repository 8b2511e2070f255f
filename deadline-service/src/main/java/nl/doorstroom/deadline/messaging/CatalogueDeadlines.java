package nl.doorstroom.deadline.messaging;

import nl.doorstroom.contracts.catalogue.CatalogueEntry;
import nl.doorstroom.contracts.catalogue.CommitmentCatalogue;
import nl.doorstroom.deadline.domain.DeadlineCommands.RescheduleDueMoment;
import nl.doorstroom.deadline.domain.DeadlineCommands.SetDeadline;
import nl.doorstroom.deadline.domain.DeadlineStatus;
import nl.doorstroom.deadline.projection.DeadlineQueries;
import nl.doorstroom.platform.domain.NotFoundException;
import nl.doorstroom.platform.time.BusinessClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.doorstroom.platform.instances.StartupCommands;
import nl.doorstroom.platform.persistence.AfterCommit;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every dated commitment of the catalogue that can be missed (a deliverable, money; not an effort or a condition),
 * whichever service owns it, is a deadline, due at the moment its text says: its own due date under its ref,
 * and each further date of the same article under {@code <ref>/<date>} (the CNO wind-down is {@code III.2.4/2023-01-01}).
 * Set at start-up, dated on the day of the agreement; setting them again changes nothing. A dated number to reach
 * (INL.1, II.2, III.12.2, III.12.4) is no deadline here: its owner's register judges it on its figure at the due
 * moment, so there is one answer for it ({@code docs/status.md}).
 */
@Component
public class CatalogueDeadlines {

    /** III.2.4: the CNO wind-down, complete in principle on 1 January 2023. */
    public static final String CNO_WIND_DOWN = "III.2.4/2023-01-01";

    private static final Logger log = LoggerFactory.getLogger(CatalogueDeadlines.class);

    private final CommandGateway commands;
    private final DeadlineQueries queries;
    private final BusinessClock clock;
    private final List<SetDeadline> deadlines;
    /** Deadlines known to be stored: a message need not set its deadline again (a command per message, profiled). */
    private final Set<String> stored = ConcurrentHashMap.newKeySet();

    public CatalogueDeadlines(CommandGateway commands, DeadlineQueries queries, BusinessClock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
        this.deadlines = deadlinesOf(CommitmentCatalogue.load());
    }

    /**
     * Only what can be missed becomes a deadline: efforts and conditions carry reports, not a due moment, and dated
     * targets are judged on their figure by their owner.
     */
    static List<SetDeadline> deadlinesOf(CommitmentCatalogue catalogue) {
        List<SetDeadline> all = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.commitments()) {
            if (entry.missable() && !entry.decidedByItsFigure()) {
                all.add(new SetDeadline(entry.ref(), entry.ref(), entry.title(), entry.owedBy(), entry.due(),
                        entry.dueAt(), entry.dueText(), catalogue.agreedOn()));
            }
            for (CatalogueEntry.AlsoDue also : entry.also()) {
                if (also.missable()) {
                    all.add(new SetDeadline(entry.ref() + "/" + also.due(), entry.ref(), also.what(), entry.owedBy(), also.due(),
                            also.dueAt(), also.what(), catalogue.agreedOn()));
                }
            }
        }
        return List.copyOf(all);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void setAll() {
        deadlines.forEach(deadline -> {
            StartupCommands.send(commands, deadline);
            stored.add(deadline.ref());
        });
        log.info("{} dated commitments of the catalogue are deadlines", deadlines.size());
        if (clock.start() != null) {
            rescheduleOpenDeadlines();
        }
    }

    /**
     * An accelerated clock starts again at its configured moment on every start, so the wall-clock waits scheduled
     * before no longer match it: every open deadline waits again on this clock (one already due fires at once).
     */
    private void rescheduleOpenDeadlines() {
        var open = queries.all(EnumSet.of(DeadlineStatus.OPEN, DeadlineStatus.EXTENDED));
        open.forEach(d -> commands.sendAndWait(new RescheduleDueMoment(d.ref())));
        log.info("{} open deadlines rescheduled on the business clock starting {} at speed {}", open.size(), clock.start(), clock.speed());
    }

    /** Makes sure one catalogue deadline exists before a message from another service counts towards it. */
    public void ensure(String ref) {
        if (stored.contains(ref)) {
            return;
        }
        StartupCommands.send(commands, deadlines.stream().filter(d -> d.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new NotFoundException("no dated commitment " + ref + " in the catalogue")));
        // set inside a consumer's poll: stored only if that transaction commits
        AfterCommit.run(() -> stored.add(ref));
    }

    public List<SetDeadline> all() {
        return deadlines;
    }
}
