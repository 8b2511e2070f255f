package nl.doorstroom.deploy;

import java.util.Set;
import java.util.TreeSet;

/**
 * The topics of the AsyncAPI document (docs/asyncapi/doorstroom.yaml), the contract integrators and the Kubernetes
 * manifests follow; {@code AsyncApiDocumentTest} in contracts holds the document to the topics the code uses.
 */
final class Topics {

    static final String ASYNCAPI_DOCUMENT = "docs/asyncapi/doorstroom.yaml";
    /** Spring Kafka's dead-letter topic name, {@code <topic>.DLT}, as the document says. */
    static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    /** The address of each channel. */
    static Set<String> ofTheAsyncApiDocument() {
        Set<String> addresses = new TreeSet<>();
        Repository.yaml(ASYNCAPI_DOCUMENT).path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        if (addresses.isEmpty() || addresses.contains("")) {
            throw new IllegalStateException(ASYNCAPI_DOCUMENT + ": a channel without an address, or none at all: " + addresses);
        }
        return addresses;
    }

    static Set<String> deadLetterOfTheAsyncApiDocument() {
        Set<String> dlts = new TreeSet<>(ofTheAsyncApiDocument());
        dlts.removeIf(topic -> !topic.endsWith(DEAD_LETTER_SUFFIX));
        return dlts;
    }
}
