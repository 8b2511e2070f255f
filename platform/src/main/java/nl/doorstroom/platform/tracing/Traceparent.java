package nl.doorstroom.platform.tracing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The W3C trace context ({@code traceparent}) of the request or message being handled, so that the events it causes
 * and the Kafka records they become can be traced back to it. Held per thread for the duration of the handling.
 */
public final class Traceparent {

    public static final String HEADER = "traceparent";
    public static final String METADATA_KEY = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
    private static final Pattern ALL_ZERO = Pattern.compile("^[0-9a-f]{2}-0{32}-.*|.*-0{16}-[0-9a-f]{2}$");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Traceparent() {
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches() && !ALL_ZERO.matcher(value).matches();
    }

    /** A new trace: version 00, random trace id and parent id, sampled. */
    public static String generate() {
        byte[] trace = new byte[16];
        byte[] parent = new byte[8];
        RANDOM.nextBytes(trace);
        RANDOM.nextBytes(parent);
        return "00-" + HexFormat.of().formatHex(trace) + "-" + HexFormat.of().formatHex(parent) + "-01";
    }

    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Runs the work with the given trace context as current (a valid one, else none). */
    public static <T> T with(String traceparent, Supplier<T> work) {
        String previous = CURRENT.get();
        if (isValid(traceparent)) {
            CURRENT.set(traceparent);
        }
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }
}
