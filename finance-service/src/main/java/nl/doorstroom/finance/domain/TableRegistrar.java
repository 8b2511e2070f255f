package nl.doorstroom.finance.domain;

import nl.doorstroom.finance.domain.FinanceCommands.EstablishAdvanceScheme;
import nl.doorstroom.finance.domain.FinanceCommands.RecordBudgetLine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.doorstroom.platform.instances.StartupCommands;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * At start-up, records the agreed financial table and the advance scheme as events dated as the agreement;
 * repeated starts change nothing.
 */
@Component
public class TableRegistrar {

    private static final Logger log = LoggerFactory.getLogger(TableRegistrar.class);

    private final CommandGateway commands;

    public TableRegistrar(CommandGateway commands) {
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void recordAgreedTable() {
        AgreementTable table = AgreementTable.load();
        int recorded = 0;
        for (AgreementTable.Line line : table.lines()) {
            Boolean isNew = StartupCommands.send(commands, new RecordBudgetLine(line.line(), line.title(), line.articles(),
                    line.placement(), line.footnote(), line.euros(),
                    line.structural() == null ? Set.of() : line.structural(), line.continuesThrough(),
                    line.continuingAmount() == null ? null : Euros.fromMillions(line.continuingAmount()),
                    line.spentThrough(), line.claimCategories(), table.recordedOn()));
            recorded += Boolean.TRUE.equals(isNew) ? 1 : 0;
        }
        StartupCommands.send(commands, new EstablishAdvanceScheme(AdvanceScheme.ID,
                Euros.fromMillions(table.advance().amount()), table.recordedOn()));
        log.info("financial table of {}: {} lines, {} recorded now", table.recordedOn(), table.lines().size(), recorded);
    }
}
