package nl.doorstroom.housing.messaging;

import nl.doorstroom.contracts.housing.HousingEventsV1;
import nl.doorstroom.housing.domain.HousingEvents;
import nl.doorstroom.platform.outbound.OutboundEventMapper;
import nl.doorstroom.platform.outbound.PublishedEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Housing's domain events in the published contract, version 1. Case ids stay inside; IND's permit counts are
 * IND's own figures and are not republished. A swap is published once, from the giving side: the receiving side's
 * event records the same agreement. A housing correction is published with both counts, so a consumer that added up
 * the housed events can apply it without asking back.
 */
@Component
public class HousingContractMapper implements OutboundEventMapper {

    @Override
    public Optional<PublishedEvent> toContract(Object event) {
        Record contract = contractOf(event);
        return Optional.ofNullable(contract).map(c -> new PublishedEvent(HousingEventsV1.type(c.getClass()), c));
    }

    private static Record contractOf(Object event) {
        if (event instanceof HousingEvents.TaakstellingDistributed e) {
            return new HousingEventsV1.TaakstellingDistributed(e.period(), e.nationalTotal(), e.inwonersTotal(),
                    e.referenceData(), e.method(),
                    e.shares().stream().map(s -> new HousingEventsV1.Share(s.gemeente(), s.inwoners(), s.share())).toList(),
                    e.occurredOn());
        }
        if (event instanceof HousingEvents.TaakstellingAssigned e) {
            return new HousingEventsV1.TaakstellingAssigned(e.gemeente(), e.provincie(), e.period(), e.share(), e.backlog(),
                    e.corrected(), e.occurredOn());
        }
        if (event instanceof HousingEvents.TaakstellingSwappedOut e) {
            return new HousingEventsV1.TaakstellingSwapped(e.swapId(), e.period(), e.gemeente(), e.provincie(), e.toGemeente(),
                    e.toProvincie(), e.persons(), e.compensation(), e.withinProvincie(), e.occurredOn());
        }
        if (event instanceof HousingEvents.FlexHomesRealised e) {
            return new HousingEventsV1.FlexHomesRealised(e.gemeente(), e.provincie(), e.homes(), e.centrallyProcured(), e.occurredOn());
        }
        if (event instanceof HousingEvents.StatushouderLinked e) {
            return new HousingEventsV1.StatushouderLinked(e.gemeente(), e.provincie(), e.occurredOn());
        }
        if (event instanceof HousingEvents.HousingRecorded e) {
            return new HousingEventsV1.StatushoudersHoused(e.gemeente(), e.provincie(), e.period(), e.persons(),
                    e.housingForm().name(), e.occurredOn());
        }
        if (event instanceof HousingEvents.HousingCorrected e) {
            return new HousingEventsV1.StatushoudersHousingCorrected(e.gemeente(), e.provincie(), e.period(),
                    e.housingForm().name(), e.from(), e.to(), e.reason(), e.occurredOn());
        }
        return null;
    }
}
