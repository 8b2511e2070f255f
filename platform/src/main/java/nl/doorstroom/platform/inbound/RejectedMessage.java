package nl.doorstroom.platform.inbound;

/** An inbound message that can never be processed (not a CloudEvent, unknown type, fails its schema). */
public class RejectedMessage extends RuntimeException {

    public RejectedMessage(String reason) {
        super(reason);
    }

    public RejectedMessage(String reason, Throwable cause) {
        super(reason, cause);
    }
}
