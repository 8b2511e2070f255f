package nl.doorstroom.platform.register;

import nl.doorstroom.contracts.register.RegisterEventsV1;
import nl.doorstroom.contracts.register.RegisterEventsV2;
import nl.doorstroom.platform.outbound.OutboundEventMapper;
import nl.doorstroom.platform.outbound.PublishedEvent;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
public class RegisterContractMapper implements OutboundEventMapper {

    @Override
    public Optional<PublishedEvent> toContract(Object domainEvent) {
        if (domainEvent instanceof RegisterEvents.CommitmentRegistered e) {
            return Optional.of(published(new RegisterEventsV1.CommitmentRegistered(e.ref(), e.parent(), e.title(), e.owedBy(),
                    e.service(), e.targetAmount(), e.targetUnit(), e.due(), e.dueText(), e.occurredOn())));
        }
        if (domainEvent instanceof RegisterEvents.CommitmentProgressReported e) {
            return Optional.of(published(new RegisterEventsV1.CommitmentProgressReported(e.ref(), e.status().inContractV1(), e.note(),
                    e.reportedBy(), e.occurredOn())));
        }
        return Optional.empty();
    }

    /** A progress report goes out as version 1, for the consumers that read it, and then as version 2, which says LATE and EXTENDED. */
    @Override
    public List<PublishedEvent> toContracts(Object domainEvent) {
        if (domainEvent instanceof RegisterEvents.CommitmentProgressReported e) {
            RegisterEventsV2.CommitmentProgressReported v2 = new RegisterEventsV2.CommitmentProgressReported(e.ref(),
                    e.status().name(), e.note(), e.reportedBy(), e.occurredOn());
            return List.of(toContract(e).orElseThrow(), new PublishedEvent(RegisterEventsV2.type(v2.getClass()), v2));
        }
        return OutboundEventMapper.super.toContracts(domainEvent);
    }

    private static PublishedEvent published(Record contract) {
        return new PublishedEvent(RegisterEventsV1.type(contract.getClass()), contract);
    }
}
