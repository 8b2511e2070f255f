package nl.doorstroom.platform.outbound;

/**
 * A domain event as the outside world sees it: its versioned contract type and the contract record that
 * becomes the CloudEvent's {@code data}.
 */
public record PublishedEvent(String type, Record data) {
}
