import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recomputes the audit chain of an exported event history (GET /admin/audit/export, NDJSON) without the services,
 * so an auditor need not trust the running system. Uses only the JDK:
 *
 *   java tools/AuditVerifier.java events.ndjson [expected head hash]
 *
 * Each event's hash is sha256(previous hash || content), the content being global index, event id, aggregate id,
 * sequence number, aggregate type, timestamp, payload type, payload revision (UTF-8 text), payload and metadata
 * bytes, each as a 4-byte big-endian length (-1 for null) and its bytes (docs/audit.md). An export of a period starts
 * from the previous hash of its first event. Exit 0: intact; 1: the first break is printed; 2: unreadable input.
 */
public class AuditVerifier {

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java tools/AuditVerifier.java <export.ndjson> [expected head hash]");
            System.exit(2);
        }
        int status = verify(Path.of(args[0]), args.length > 1 ? args[1] : null);
        System.exit(status);
    }

    /** 0 when intact, 1 at the first break (printed), 2 when the file cannot be read. */
    public static int verify(Path export, String expectedHead) throws IOException {
        HexFormat hex = HexFormat.of();
        byte[] previous = null;
        long previousPosition = -1;
        long count = 0;
        long lineNumber = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> event;
                try {
                    event = new Json(line).object();
                } catch (RuntimeException e) {
                    System.out.println("UNREADABLE line " + lineNumber + ": " + e.getMessage());
                    return 2;
                }
                long position = ((Number) event.get("position")).longValue();
                byte[] linked = hex.parseHex((String) event.get("previousHash"));
                if (previous == null) {
                    previous = linked;
                    if (position != 1) {
                        System.out.println("export starts at position " + position + ", anchored at previous hash " + hex.formatHex(linked));
                    }
                } else if (position != previousPosition + 1) {
                    return broken(event, "the chain skips from position " + previousPosition + " to " + position);
                } else if (!Arrays.equals(linked, previous)) {
                    return broken(event, "the link to the previous event does not match its hash");
                }
                if (position == 1 && !Arrays.equals(linked, new byte[32])) {
                    return broken(event, "the first event is not linked to the genesis hash (32 zero bytes)");
                }
                if (event.get("payload") == null) {
                    return broken(event, "the event is no longer stored");
                }
                byte[] recomputed = sha256(previous, content(event));
                if (!Arrays.equals(recomputed, hex.parseHex((String) event.get("hash")))) {
                    return broken(event, "the event's content does not match its hash: it was changed after it was recorded");
                }
                previous = recomputed;
                previousPosition = position;
                count++;
            }
        }
        String head = previous == null ? null : hex.formatHex(previous);
        if (expectedHead != null && !expectedHead.equalsIgnoreCase(String.valueOf(head))) {
            System.out.println("BROKEN: the last hash " + head + " is not the expected head " + expectedHead);
            return 1;
        }
        System.out.println("INTACT: " + count + " events, head hash " + head);
        return 0;
    }

    private static int broken(Map<String, Object> event, String reason) {
        System.out.println("BROKEN at position " + event.get("position") + ", global index " + event.get("globalIndex")
                + ", event " + event.get("eventIdentifier") + ": " + reason);
        return 1;
    }

    static byte[] content(Map<String, Object> e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, number(e.get("globalIndex")));
        text(out, (String) e.get("eventIdentifier"));
        text(out, (String) e.get("aggregateIdentifier"));
        text(out, number(e.get("sequenceNumber")));
        text(out, (String) e.get("type"));
        text(out, (String) e.get("timeStamp"));
        text(out, (String) e.get("payloadType"));
        text(out, (String) e.get("payloadRevision"));
        field(out, bytes(e.get("payload")));
        field(out, bytes(e.get("metaData")));
        return out.toByteArray();
    }

    private static String number(Object value) {
        return value == null ? null : Long.toString(((Number) value).longValue());
    }

    private static byte[] bytes(Object base64) {
        return base64 == null ? null : Base64.getDecoder().decode((String) base64);
    }

    private static void text(ByteArrayOutputStream out, String value) {
        field(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] sha256(byte[] previous, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(previous);
            digest.update(content);
            return digest.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just enough JSON for one export line: objects, arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Object value = value();
            skipSpace();
            if (!(value instanceof Map<?, ?>) || i != s.length()) {
                throw new IllegalArgumentException("not one JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            return map;
        }

        private Object value() {
            skipSpace();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    Map<String, Object> map = new LinkedHashMap<>();
                    i++;
                    skipSpace();
                    if (s.charAt(i) == '}') {
                        i++;
                        return map;
                    }
                    while (true) {
                        skipSpace();
                        String key = string();
                        skipSpace();
                        expect(':');
                        map.put(key, value());
                        skipSpace();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return map;
                        }
                    }
                }
                case '[': {
                    java.util.List<Object> list = new java.util.ArrayList<>();
                    i++;
                    skipSpace();
                    if (s.charAt(i) == ']') {
                        i++;
                        return list;
                    }
                    while (true) {
                        list.add(value());
                        skipSpace();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return list;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    int start = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String number = s.substring(start, i);
                    if (number.isEmpty()) {
                        throw new IllegalArgumentException("unexpected '" + c + "' at " + start);
                    }
                    return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = s.charAt(i++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, i)) {
                throw new IllegalArgumentException("unexpected text at " + i);
            }
            i += word.length();
            return value;
        }

        private void expect(char c) {
            if (i >= s.length() || s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i);
            }
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }
    }
}
