package nl.doorstroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import nl.doorstroom.contracts.capacity.CapacityEventsV1;
import nl.doorstroom.contracts.deadline.DeadlineEventsV1;
import nl.doorstroom.contracts.finance.FinanceEventsV1;
import nl.doorstroom.contracts.housing.HousingEventsV1;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics the code uses: each service's published topic (the contracts), the topics each service consumes
 * (doorstroom.inbound-topics in its yml, from which the platform declares them) and a dead-letter topic beside every
 * inbound one, named with the platform's suffix.
 */
final class Topics {

    private Topics() {
    }

    static Set<String> published() {
        return Set.of(CapacityEventsV1.TOPIC, HousingEventsV1.TOPIC, FinanceEventsV1.TOPIC, DeadlineEventsV1.TOPIC);
    }

    static Set<String> inbound() {
        Set<String> inbound = new TreeSet<>();
        for (DeployedModules.Module module : DeployedModules.all()) {
            JsonNode topics = Repository.yaml(module.name() + "/src/main/resources/" + module.name() + ".yml")
                    .path("doorstroom").path("inbound-topics");
            topics.forEach(topic -> inbound.add(topic.asText()));
        }
        return inbound;
    }

    static String deadLetterSuffix() {
        Matcher suffix = Pattern.compile("String SUFFIX = \"([^\"]+)\"")
                .matcher(Repository.read("platform/src/main/java/nl/doorstroom/platform/inbound/DeadLetterPublishing.java"));
        if (!suffix.find()) {
            throw new IllegalStateException("DeadLetterPublishing.SUFFIX not found");
        }
        return suffix.group(1);
    }

    static Set<String> deadLetter() {
        Set<String> dlts = new TreeSet<>();
        inbound().forEach(topic -> dlts.add(topic + deadLetterSuffix()));
        return dlts;
    }

    static Set<String> all() {
        Set<String> all = new TreeSet<>(published());
        all.addAll(inbound());
        all.addAll(deadLetter());
        return all;
    }
}
