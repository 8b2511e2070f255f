package nl.doorstroom.finance.domain;

import java.math.BigDecimal;

/** What an approval commits against a budget line's year; {@code chargeId} is the claim or business case. */
public record Charge(String line, int year, String chargeId, BigDecimal amount) {
}
