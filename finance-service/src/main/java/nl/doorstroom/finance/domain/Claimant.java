package nl.doorstroom.finance.domain;

import nl.doorstroom.platform.domain.RuleViolation;

/**
 * Who claims or receives money: a veiligheidsregio (VR01..VR25), a municipality (GM + CBS code) or a GGD, named
 * after the veiligheidsregio it serves (GGD01..GGD25: the GGD regions coincide with the veiligheidsregio's).
 */
public record Claimant(String code, Kind kind) {

    public enum Kind { VEILIGHEIDSREGIO, GEMEENTE, GGD }

    public static Claimant parse(String code, String field) {
        if (code != null && code.matches("VR(0[1-9]|1[0-9]|2[0-5])")) {
            return new Claimant(code, Kind.VEILIGHEIDSREGIO);
        }
        if (code != null && code.matches("GM[0-9]{4}")) {
            return new Claimant(code, Kind.GEMEENTE);
        }
        if (code != null && code.matches("GGD(0[1-9]|1[0-9]|2[0-5])")) {
            return new Claimant(code, Kind.GGD);
        }
        throw new RuleViolation(field, "not a veiligheidsregio (VR01..VR25), municipality (GM0000) or GGD (GGD01..GGD25): " + code);
    }

    /** The veiligheidsregio a GGD serves. */
    public String ggdRegion() {
        return "VR" + code.substring(3);
    }
}
