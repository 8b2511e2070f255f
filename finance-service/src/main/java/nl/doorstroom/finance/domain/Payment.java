package nl.doorstroom.finance.domain;

import java.math.BigDecimal;

/** What a pay command hands back: who received how much, for what. */
public record Payment(String recipient, String paidFor, BigDecimal amount) {
}
