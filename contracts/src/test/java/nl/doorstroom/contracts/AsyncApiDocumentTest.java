package nl.doorstroom.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi/doorstroom.yaml against the code: the topics the services create (their
 * {@code doorstroom.service} and {@code doorstroom.inbound-topics}, the contracts' TOPIC constants, the topic names
 * in the services' messaging code), the contract records and the JSON Schemas. Each check fails both ways: a thing
 * in the code the document does not describe, and a thing in the document the code does not have.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DLT = ".DLT";
    private static final String REGISTER_PREFIX = "nl.doorstroom.register.";
    /** A topic name as the services' code spells it, e.g. coa.locaties.v1 or doorstroom.housing.events. */
    private static final Pattern TOPIC_LITERAL = Pattern.compile("\"([a-z]+\\.[a-z]+\\.(v[0-9]+|events))\"");
    /** A message type as the services' code spells it, e.g. nl.coa.locaties.LocatieGeopend.v1. */
    private static final Pattern TYPE_LITERAL = Pattern.compile("\"(nl\\.[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+\\.v[0-9]+)\"");
    private static final Pattern TYPE_OF_RECORD = Pattern.compile("(\\w+EventsV[0-9]+)\\.type\\(\\s*\\1\\.(\\w+)\\.class\\s*\\)");

    private static Path root;
    private static Path document;
    private static JsonNode asyncApi;
    private static Map<String, Service> services;

    /** What a service's configuration and messaging code say about its topics. */
    private record Service(String name, String outboundTopic, List<String> inboundTopics, String messagingSource) {
    }

    @BeforeAll
    static void read() throws IOException {
        // the module's directory when Maven runs the tests, the repository's when an IDE does
        Path here = Path.of("").toAbsolutePath();
        root = Files.exists(here.resolve("docs/asyncapi")) ? here : here.getParent();
        document = root.resolve("docs/asyncapi/doorstroom.yaml");
        asyncApi = YAML.readTree(document.toFile());
        services = new TreeMap<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().endsWith("-service")).sorted().toList()) {
                Path config = module.resolve("src/main/resources/" + module.getFileName() + ".yml");
                JsonNode doorstroom = YAML.readTree(config.toFile()).path("doorstroom");
                String name = doorstroom.path("service").asText();
                List<String> inbound = new ArrayList<>();
                doorstroom.path("inbound-topics").forEach(t -> inbound.add(t.asText()));
                String source = messagingSource(module);
                // the platform's listener of the deadline service's outcomes runs where the topic is an inbound one
                if (inbound.contains("doorstroom.deadline.events")) {
                    source += Files.readString(root.resolve(
                            "platform/src/main/java/nl/doorstroom/platform/register/DeadlineOutcomes.java"));
                }
                services.put(name, new Service(name, "doorstroom." + name + ".events", inbound, source));
            }
        }
        assertThat(services).as("services found beside contracts").containsKeys("capacity", "housing", "finance", "deadline");
    }

    @Test
    void the_document_is_asyncapi_3_with_a_local_and_a_deployed_server() {
        assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.");
        assertThat(asyncApi.path("servers").path("local").path("host").asText()).isEqualTo("localhost:9092");
        assertThat(asyncApi.path("servers").path("deployed").path("variables").fieldNames()).toIterable().isNotEmpty();
    }

    @Test
    void every_topic_the_services_create_or_name_is_a_channel_and_every_channel_is_such_a_topic() throws Exception {
        Set<String> topics = new TreeSet<>();
        for (Service service : services.values()) {
            topics.add(service.outboundTopic());
            for (String inbound : service.inboundTopics()) {
                topics.add(inbound);
                topics.add(inbound + DLT);
            }
            // a name in code that is not in the configuration would be a topic no one creates: still a channel to describe
            Matcher literal = TOPIC_LITERAL.matcher(service.messagingSource());
            while (literal.find()) {
                topics.add(literal.group(1));
            }
        }
        topics.addAll(contractTopicConstants());

        assertThat(channelAddresses()).as("channel addresses of " + document).containsExactlyInAnyOrderElementsOf(topics);
    }

    @Test
    void every_channel_has_three_partitions_as_the_services_create_them() {
        asyncApi.path("channels").forEach(channel -> assertThat(channel.path("bindings").path("kafka").path("partitions").asInt())
                .as(channel.path("address").asText()).isEqualTo(3));
    }

    @Test
    void every_dlt_keeps_its_records_as_long_as_the_platform_sets_by_default_and_no_other_topic_states_a_retention()
            throws IOException {
        // the platform's default (platform cannot be seen from contracts): doorstroom.dead-letters.retention
        JsonNode deadLetters = YAML.readTree(root.resolve("platform/src/main/resources/doorstroom-platform.yml").toFile())
                .path("doorstroom").path("dead-letters");
        Matcher days = Pattern.compile("\\$\\{DOORSTROOM_DEAD_LETTERS_RETENTION:([0-9]+)d}").matcher(deadLetters.path("retention").asText());
        assertThat(days.matches()).as("doorstroom.dead-letters.retention is ${DOORSTROOM_DEAD_LETTERS_RETENTION:<n>d}").isTrue();
        long retentionMs = java.time.Duration.ofDays(Long.parseLong(days.group(1))).toMillis();

        asyncApi.path("channels").forEach(channel -> {
            JsonNode retention = channel.path("bindings").path("kafka").path("topicConfiguration").path("retention.ms");
            String address = channel.path("address").asText();
            if (address.endsWith(DLT)) {
                assertThat(retention.asLong()).as(address).isEqualTo(retentionMs);
            } else {
                assertThat(retention.isMissingNode()).as(address + " has the broker's retention").isTrue();
            }
        });
    }

    @Test
    void each_service_publishes_on_its_topic_receives_its_inbound_topics_and_dead_letters_to_their_dlts() {
        Set<String> expected = new TreeSet<>();
        for (Service service : services.values()) {
            expected.add(service.name() + "-service send " + service.outboundTopic());
            for (String inbound : service.inboundTopics()) {
                expected.add(service.name() + "-service receive " + inbound);
                expected.add(service.name() + "-service send " + inbound + DLT);
            }
        }
        Set<String> described = new TreeSet<>();
        asyncApi.path("operations").fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            String address = resolve(operation.path("channel")).path("address").asText();
            operation.path("tags").forEach(tag -> described.add(tag.path("name").asText() + " " + operation.path("action").asText() + " " + address));
            if (operation.path("action").asText().equals("receive")) {
                // the consumer group every service uses (platform: spring.kafka.consumer.group-id)
                assertThat(operation.path("bindings").path("kafka").path("groupId").path("enum"))
                        .as(op.getKey() + " groupId").extracting(JsonNode::asText)
                        .containsExactly(operation.path("tags").path(0).path("name").asText());
            }
        });
        assertThat(described).as("operations of " + document).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void a_service_reading_another_services_topic_is_described_with_exactly_the_types_its_code_accepts() {
        Map<String, String> prefixByTopic = contractTopicPrefixes();
        asyncApi.path("operations").fields().forEachRemaining(op -> {
            JsonNode operation = op.getValue();
            String address = resolve(operation.path("channel")).path("address").asText();
            if (!operation.path("action").asText().equals("receive") || !prefixByTopic.containsKey(address)) {
                return;
            }
            Service service = services.get(operation.path("tags").path(0).path("name").asText().replace("-service", ""));
            Set<String> accepted = new TreeSet<>();
            for (String type : typesNamedIn(service.messagingSource())) {
                if (type.startsWith(prefixByTopic.get(address))) {
                    accepted.add(type);
                }
            }
            Set<String> described = new TreeSet<>();
            operation.path("messages").forEach(m -> described.add(resolve(m).path("name").asText()));
            assertThat(described).as(op.getKey() + ": the types " + service.name() + "-service reads from " + address)
                    .isNotEmpty().containsExactlyInAnyOrderElementsOf(accepted);
        });
    }

    @Test
    void every_contract_schema_is_the_data_of_exactly_one_message_named_after_its_type() throws Exception {
        Map<String, Path> schemas = new TreeMap<>();
        // the sources, which the document's $refs name, not the copies on the class path
        Path sources = root.resolve("contracts/src/main/resources/contracts");
        for (Path file : schemaFiles(sources)) {
            schemas.put(file.getFileName().toString().replace(".schema.json", ""), file.toRealPath());
        }
        Map<String, Path> described = new TreeMap<>();
        asyncApi.path("components").path("messages").fields().forEachRemaining(m -> {
            JsonNode message = m.getValue();
            if (m.getKey().equals("deadLetter")) {
                return;
            }
            String type = typeOf(message);
            assertThat(message.path("name").asText()).as(m.getKey()).isEqualTo(type).isEqualTo(m.getKey());
            String ref = dataOf(message).path("$ref").asText();
            Path schema = document.getParent().resolve(ref).normalize();
            assertThat(schema).as(type + " data $ref " + ref).exists();
            try {
                assertThat(JSON.readTree(schema.toFile()).path("title").asText()).as(ref).isEqualTo(type);
                described.put(type, schema.toRealPath());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            assertThat(message.path("bindings").path("kafka").path("key").isMissingNode()).as(type + " has a key").isFalse();
        });
        assertThat(described).as("messages of " + document + " and the schemas in contracts/").isEqualTo(schemas);
    }

    @Test
    void every_published_contract_record_and_every_inbound_type_in_the_services_code_has_a_message() throws Exception {
        Set<String> types = new TreeSet<>();
        for (Class<?> holder : contractHolders()) {
            String prefix = (String) holder.getField("TYPE_PREFIX").get(null);
            for (Class<?> record : holder.getDeclaredClasses()) {
                // nested parts of an event (HousingEventsV1.Share) are records too, but no event of their own
                if (record.isRecord() && Stream.of(record.getRecordComponents()).anyMatch(c -> c.getName().equals("occurredOn"))) {
                    types.add(prefix + record.getSimpleName() + ".v" + version(holder));
                }
            }
        }
        services.values().forEach(s -> types.addAll(typesNamedIn(s.messagingSource())));

        Set<String> messages = new TreeSet<>();
        asyncApi.path("components").path("messages").fieldNames().forEachRemaining(messages::add);
        messages.remove("deadLetter");
        assertThat(messages).as("messages of " + document).containsExactlyInAnyOrderElementsOf(types);
    }

    @Test
    void every_type_is_on_the_channel_it_is_sent_on_and_every_dlt_carries_dead_letters() throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, String> prefixByTopic = contractTopicPrefixes();
        Set<String> registerTypes = new TreeSet<>();
        for (Path file : schemaFiles()) {
            String type = file.getFileName().toString().replace(".schema.json", "");
            JsonNode schema = JSON.readTree(file.toFile());
            if (type.startsWith(REGISTER_PREFIX)) {
                registerTypes.add(type);
            } else if (file.getParent().getFileName().toString().equals("published")) {
                String topic = prefixByTopic.entrySet().stream().filter(e -> type.startsWith(e.getValue()))
                        .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no TOPIC for " + type));
                expected.computeIfAbsent(topic, t -> new TreeSet<>()).add(type);
            } else {
                // an inbound schema says which topic COA or IND sends it on
                Matcher topic = Pattern.compile("on ([a-z]+\\.[a-z]+\\.v[0-9]+)").matcher(schema.path("description").asText());
                assertThat(topic.find()).as(file + " description names its topic").isTrue();
                expected.computeIfAbsent(topic.group(1), t -> new TreeSet<>()).add(type);
            }
        }
        // every service registers the commitments it owns and publishes that on its own topic
        services.values().forEach(s -> expected.computeIfAbsent(s.outboundTopic(), t -> new TreeSet<>()).addAll(registerTypes));
        channelAddresses().stream().filter(a -> a.endsWith(DLT)).forEach(a -> expected.put(a, Set.of("deadLetter")));

        Map<String, Set<String>> described = new TreeMap<>();
        asyncApi.path("channels").forEach(channel -> {
            Set<String> names = new TreeSet<>();
            channel.path("messages").forEach(m -> names.add(resolve(m).path("name").asText()));
            described.put(channel.path("address").asText(), names);
        });
        assertThat(described).isEqualTo(expected);
    }

    @Test
    void the_dead_letter_headers_name_the_reason_header_of_the_platform() {
        JsonNode headers = resolve(asyncApi.path("components").path("messages").path("deadLetter").path("headers"));
        // DeadLetterPublishing.REASON_HEADER lives in platform, which contracts cannot see
        assertThat(headers.path("required")).extracting(JsonNode::asText)
                .contains("doorstroom_dlt-reason", "kafka_dlt-exception-message", "kafka_dlt-original-topic");
    }

    private static String typeOf(JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            JsonNode type = part.path("properties").path("type").path("const");
            if (type.isTextual()) {
                return type.asText();
            }
        }
        throw new AssertionError("no type const in " + message.path("name"));
    }

    private static JsonNode dataOf(JsonNode message) {
        for (JsonNode part : message.path("payload").path("allOf")) {
            if (part.path("properties").has("data")) {
                return part.path("properties").path("data");
            }
        }
        throw new AssertionError("no data in " + message.path("name"));
    }

    /** Follows a local $ref (#/a/b/c) through the document; other nodes are returned as they are. */
    private static JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText();
        if (!ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = asyncApi;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        assertThat(target.isMissingNode()).as(ref).isFalse();
        return resolve(target);
    }

    private static Set<String> channelAddresses() {
        Set<String> addresses = new HashSet<>();
        asyncApi.path("channels").forEach(c -> assertThat(addresses.add(c.path("address").asText())).as("one channel per address").isTrue());
        return addresses;
    }

    private static Set<String> typesNamedIn(String source) {
        Set<String> types = new TreeSet<>();
        Matcher literal = TYPE_LITERAL.matcher(source);
        while (literal.find()) {
            types.add(literal.group(1));
        }
        Matcher ofRecord = TYPE_OF_RECORD.matcher(source);
        while (ofRecord.find()) {
            types.add(prefixOf(ofRecord.group(1)) + ofRecord.group(2) + ".v1");
        }
        return types;
    }

    private static String prefixOf(String holderSimpleName) {
        return contractHolders().stream().filter(h -> h.getSimpleName().equals(holderSimpleName)).findFirst()
                .map(h -> {
                    try {
                        return (String) h.getField("TYPE_PREFIX").get(null);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .orElseThrow(() -> new AssertionError("no contract class " + holderSimpleName));
    }

    private static Set<String> contractTopicConstants() {
        return contractTopicPrefixes().keySet();
    }

    /** TOPIC → TYPE_PREFIX of every contract class that names a topic (RegisterEventsV1 is on every service's). */
    private static Map<String, String> contractTopicPrefixes() {
        Map<String, String> prefixes = new HashMap<>();
        for (Class<?> holder : contractHolders()) {
            try {
                Field topic = holder.getField("TOPIC");
                if (Modifier.isStatic(topic.getModifiers())) {
                    prefixes.put((String) topic.get(null), (String) holder.getField("TYPE_PREFIX").get(null));
                }
            } catch (NoSuchFieldException e) {
                assertThat(holder.getSimpleName()).as("a contract class without TOPIC").matches("RegisterEventsV[0-9]+");
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return prefixes;
    }

    /** The contract version a holder class names: 2 for {@code RegisterEventsV2}. */
    private static String version(Class<?> holder) {
        return holder.getSimpleName().replaceFirst(".*EventsV", "");
    }

    /** Every {@code *EventsV1} (or later version) class of the contracts module, found on disk so that a new one is not missed. */
    private static List<Class<?>> contractHolders() {
        try {
            Path classes = Path.of(ContractSchemas.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(classes)) {
                List<Class<?>> holders = new ArrayList<>();
                for (Path file : files.filter(f -> f.getFileName().toString().matches("\\w+EventsV[0-9]+\\.class")).toList()) {
                    String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                    holders.add(Class.forName(name));
                }
                return holders;
            }
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messagingSource(Path module) throws IOException {
        StringBuilder source = new StringBuilder();
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/messaging/")).sorted().toList()) {
                source.append(Files.readString(file)).append('\n');
            }
        }
        return source.toString();
    }

    private static List<Path> schemaFiles() throws URISyntaxException, IOException {
        return schemaFiles(Path.of(ContractSchemas.class.getResource("/contracts").toURI()));
    }

    private static List<Path> schemaFiles(Path contracts) throws IOException {
        try (Stream<Path> files = Files.walk(contracts)) {
            return files.filter(p -> p.toString().endsWith(".schema.json")).sorted().toList();
        }
    }
}
