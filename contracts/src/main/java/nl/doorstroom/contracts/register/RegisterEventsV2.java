package nl.doorstroom.contracts.register;

import java.time.LocalDate;

/**
 * The commitment-register events whose version 2 differs from version 1, published beside it on every service's
 * topic. Version 2 of a progress report carries the status as the register has it: a commitment met after its due
 * moment is LATE and a moved deadline EXTENDED, where version 1 can only say MET and OPEN.
 */
public final class RegisterEventsV2 {

    public static final String TYPE_PREFIX = RegisterEventsV1.TYPE_PREFIX;

    private RegisterEventsV2() {
    }

    public static String type(Class<? extends Record> contract) {
        return TYPE_PREFIX + contract.getSimpleName() + ".v2";
    }

    public record CommitmentProgressReported(String ref, String status, String note, String reportedBy,
                                             LocalDate occurredOn) {
    }
}
