package nl.doorstroom.housing.messaging;

import java.util.Set;

/** The topics COA and IND publish on and the message types housing-service accepts from each. */
public final class InboundTopics {

    public static final String COA_STATUSHOUDERS = "coa.statushouders.v1";
    public static final String IND_VERGUNNINGEN = "ind.vergunningen.v1";

    static final String STATUSHOUDER_GEKOPPELD = "nl.coa.statushouders.StatushouderGekoppeld.v1";
    static final String STATUSHOUDER_GEHUISVEST = "nl.coa.statushouders.StatushouderGehuisvest.v1";
    static final String VERGUNNINGEN_VERLEEND = "nl.ind.vergunningen.VergunningenVerleend.v1";

    static final Set<String> COA_STATUSHOUDERS_TYPES = Set.of(STATUSHOUDER_GEKOPPELD, STATUSHOUDER_GEHUISVEST);
    static final Set<String> IND_VERGUNNINGEN_TYPES = Set.of(VERGUNNINGEN_VERLEEND);

    private InboundTopics() {
    }
}
