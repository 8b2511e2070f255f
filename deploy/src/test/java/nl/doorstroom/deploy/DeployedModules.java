package nl.doorstroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The modules that become images (their pom turns jib.skip off) and what each must be told. The authority is the
 * local stack, which starts every module with {@code --property=value} arguments: a property it passes that the
 * module reads (its yml, the platform's yml for a service, or an {@code @Value}) is needed, under the environment
 * variable the yml names for it, else under Spring's relaxed name for it.
 */
final class DeployedModules {

    /** A deployed module: its name, its HTTP port (the yml's default) and the environment it needs, variable → property. */
    record Module(String name, int port, Map<String, String> environment) {
    }

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** {@code "--name="}, or {@code "--prefix" + variable + "suffix="} for one property per service. */
    private static final Pattern LOCAL_STACK_ARGUMENT =
            Pattern.compile("\"--([a-z][a-z0-9.-]*?)(=\"|\"\\s*\\+\\s*\\w+\\s*\\+\\s*\"([a-z0-9.-]*)=\")");
    private static final Pattern VALUE_ANNOTATION = Pattern.compile("@Value\\(\"\\$\\{([a-z][a-z0-9.-]*)");
    private static final Pattern ENVIRONMENT_PLACEHOLDER = Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)(:.*)?}$");

    private DeployedModules() {
    }

    static List<Module> all() {
        Set<Pattern> passed = new LinkedHashSet<>();
        Matcher arguments = LOCAL_STACK_ARGUMENT.matcher(Repository.read("local-stack/src/main/java/nl/doorstroom/local/LocalStack.java"));
        while (arguments.find()) {
            passed.add(Pattern.compile(Pattern.quote(arguments.group(1))
                    + (arguments.group(3) == null ? "" : "[a-z]+" + Pattern.quote(arguments.group(3)))));
        }
        if (passed.stream().noneMatch(p -> p.matcher("doorstroom.postgres.url").matches())) {
            throw new IllegalStateException("LocalStack's arguments were not found");
        }
        List<Module> modules = new ArrayList<>();
        Matcher names = MODULE.matcher(Repository.read("pom.xml"));
        while (names.find()) {
            String name = names.group(1);
            String pom = Repository.read(name + "/pom.xml");
            if (pom.contains("<jib.skip>false</jib.skip>")) {
                modules.add(module(name, pom, passed));
            }
        }
        return modules;
    }

    static Module named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Module module(String name, String pom, Set<Pattern> passed) {
        Map<String, String> properties = new TreeMap<>();
        if (pom.contains("<artifactId>platform</artifactId>")) {
            flatten("", Repository.yaml("platform/src/main/resources/doorstroom-platform.yml"), properties);
        }
        flatten("", Repository.yaml(name + "/src/main/resources/" + name + ".yml"), properties);
        Set<String> annotated = annotatedProperties(Repository.path(name + "/src/main/java"));
        Map<String, String> environment = new LinkedHashMap<>();
        Set<String> read = new TreeSet<>(properties.keySet());
        read.addAll(annotated);
        for (String property : read) {
            // the port stays the yml's default, which the manifests use
            if (!property.equals("server.port") && passed.stream().anyMatch(p -> p.matcher(property).matches())) {
                environment.put(variable(property, properties.get(property)), property);
            }
        }
        Matcher port = ENVIRONMENT_PLACEHOLDER.matcher(properties.getOrDefault("server.port", ""));
        if (!port.matches() || port.group(2) == null) {
            throw new IllegalStateException(name + ": server.port has no default port");
        }
        return new Module(name, Integer.parseInt(port.group(2).substring(1)), environment);
    }

    private static String variable(String property, String value) {
        Matcher placeholder = ENVIRONMENT_PLACEHOLDER.matcher(value == null ? "" : value);
        if (placeholder.matches()) {
            return placeholder.group(1);
        }
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isValueNode()) {
            into.put(prefix, node.asText());
        }
    }

    private static Set<String> annotatedProperties(Path sources) {
        Set<String> found = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher value = VALUE_ANNOTATION.matcher(Files.readString(file));
                while (value.find()) {
                    found.add(value.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
