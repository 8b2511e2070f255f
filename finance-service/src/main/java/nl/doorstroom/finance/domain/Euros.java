package nl.doorstroom.finance.domain;

import nl.doorstroom.platform.domain.RuleViolation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is euros as an exact decimal with cents; never a double. */
public final class Euros {

    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Euros() {
    }

    /** An amount as given, refused (naming the field) when it has fractions of a cent. */
    public static BigDecimal of(BigDecimal amount, String field) {
        if (amount == null) {
            throw new RuleViolation(field, "an amount in euros is required");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation(field, "an amount in euros has at most two decimals, not " + amount.toPlainString());
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static BigDecimal positive(BigDecimal amount, String field) {
        BigDecimal euros = of(amount, field);
        if (euros.signum() <= 0) {
            throw new RuleViolation(field, "the amount must be more than zero, not " + euros.toPlainString());
        }
        return euros;
    }

    /** "98.5" as printed in the agreement's table (millions) is 98,500,000.00 euros, exactly. */
    public static BigDecimal fromMillions(String millions) {
        return new BigDecimal(millions).movePointRight(6).setScale(2, RoundingMode.UNNECESSARY);
    }
}
