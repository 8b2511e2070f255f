package nl.doorstroom.finance.domain;

/** What a claim is for: the costs of crisisnoodopvang (III.13, III.1.2) or a GGD's extra medical costs (III.1.4). */
public enum ClaimCategory {
    CNO_REALISATIE, CNO_EXPLOITATIE, CNO_OPHEFFING, PERSONEEL, BEVEILIGING, MEDISCH;

    public boolean isCnoCost() {
        return this != MEDISCH;
    }
}
