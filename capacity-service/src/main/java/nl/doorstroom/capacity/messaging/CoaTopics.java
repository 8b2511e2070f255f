package nl.doorstroom.capacity.messaging;

import java.util.Set;

/** The topics COA publishes on and the message types capacity-service accepts from each. */
public final class CoaTopics {

    public static final String LOCATIES = "coa.locaties.v1";
    public static final String BEZETTING = "coa.bezetting.v1";

    static final String LOCATIE_GEOPEND = "nl.coa.locaties.LocatieGeopend.v1";
    static final String CAPACITEIT_GEWIJZIGD = "nl.coa.locaties.CapaciteitGewijzigd.v1";
    static final String PLAATSEN_OMGEZET = "nl.coa.locaties.PlaatsenOmgezet.v1";
    static final String LOCATIE_GESLOTEN = "nl.coa.locaties.LocatieGesloten.v1";
    static final String BEZETTING_GEMELD = "nl.coa.bezetting.BezettingGemeld.v1";

    static final Set<String> LOCATIES_TYPES = Set.of(LOCATIE_GEOPEND, CAPACITEIT_GEWIJZIGD, PLAATSEN_OMGEZET, LOCATIE_GESLOTEN);
    static final Set<String> BEZETTING_TYPES = Set.of(BEZETTING_GEMELD);

    private CoaTopics() {
    }
}
