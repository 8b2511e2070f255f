package nl.doorstroom.capacity.projection;

import nl.doorstroom.capacity.domain.CapacityEvents.CnoPlacesPledged;

/** A veiligheidsregio's CNO pledge per tranche; the fold of its {@code CnoPlacesPledged} events. */
public record PledgeState(String veiligheidsregio, int tranche1, int tranche2) {

    public int pledged() {
        return tranche1 + tranche2;
    }

    public static PledgeState evolve(PledgeState s, Object event) {
        if (event instanceof CnoPlacesPledged e) {
            PledgeState base = s == null ? new PledgeState(e.veiligheidsregio(), 0, 0) : s;
            return e.tranche() == 1
                    ? new PledgeState(base.veiligheidsregio(), e.places(), base.tranche2())
                    : new PledgeState(base.veiligheidsregio(), base.tranche1(), e.places());
        }
        return s;
    }
}
