package nl.doorstroom.platform.domain;

/**
 * A command that the agreement's rules refuse (an unknown veiligheidsregio, a third CNO tranche, closing a
 * location twice). It can never succeed on retry: HTTP answers 422 naming the field, Kafka dead-letters the message.
 */
public class RuleViolation extends RuntimeException {

    private final String field;

    public RuleViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
