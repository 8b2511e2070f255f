package nl.doorstroom.testsupport;

import java.util.UUID;

/** Inbound messages as COA and IND send them: CloudEvents 1.0 in structured JSON. */
public final class TestCloudEvents {

    private TestCloudEvents() {
    }

    public static String structured(String id, String type, String dataJson) {
        return """
                {"specversion":"1.0","id":"%s","source":"/coa/test","type":"%s","datacontenttype":"application/json","data":%s}"""
                .formatted(id, type, dataJson);
    }

    public static String structured(String type, String dataJson) {
        return structured(UUID.randomUUID().toString(), type, dataJson);
    }
}
