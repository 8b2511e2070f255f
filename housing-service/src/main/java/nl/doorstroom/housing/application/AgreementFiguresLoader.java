package nl.doorstroom.housing.application;

import nl.doorstroom.contracts.catalogue.AgreementFigures;
import nl.doorstroom.housing.domain.HousingCommands.SetTaakstelling;
import nl.doorstroom.platform.domain.RuleViolation;
import nl.doorstroom.platform.instances.StartupCommands;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * At start-up, sets the national taakstelling of every period the agreement fixes (2022-H2: 13,500), dated on the
 * agreement's day, so a fresh stack shows each municipality's share without anyone posting it. Repeated starts change
 * nothing. A period already set at another figure keeps it (the Rijk decided so; the log says so), and on a business
 * clock before the agreement's day nothing is set yet: the agreement did not exist then.
 */
@Component
public class AgreementFiguresLoader {

    private static final Logger log = LoggerFactory.getLogger(AgreementFiguresLoader.class);

    private final CommandGateway commands;
    private final Clock clock;

    public AgreementFiguresLoader(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void setTheAgreementsTaakstellingen() {
        AgreementFigures figures = AgreementFigures.load();
        if (figures.agreedOn().isAfter(LocalDate.now(clock))) {
            log.info("the business clock stands before {}: the agreement's taakstellingen are set at a start after it",
                    figures.agreedOn());
            return;
        }
        for (AgreementFigures.PeriodFigures period : figures.periods()) {
            if (period.taakstelling() == null) {
                continue;
            }
            try {
                StartupCommands.send(commands, new SetTaakstelling(period.period(), period.taakstelling(), figures.agreedOn()));
                log.info("taakstelling {} of the agreement of {}: {}", period.period(), figures.agreedOn(), period.taakstelling());
            } catch (RuleViolation e) {
                log.warn("taakstelling {} of the agreement ({}) not set: {}", period.period(), period.taakstelling(), e.getMessage());
            }
        }
    }
}
