package nl.doorstroom.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kubernetes manifests as fabric8's models: built-in kinds as their typed classes, custom resources (Strimzi,
 * CloudNativePG, Prometheus Operator) as GenericKubernetesResource.
 */
final class Manifests {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    static List<HasMetadata> parse(String yaml) {
        Object parsed = SERIALIZATION.unmarshal(yaml);
        if (parsed instanceof List<?> list) {
            return list.stream().map(HasMetadata.class::cast).toList();
        }
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        return parsed == null ? List.of() : List.of((HasMetadata) parsed);
    }

    static List<HasMetadata> file(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kubectl on this machine (its own kustomize), or null. */
    static String kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    /** What {@code kubectl kustomize} makes of an overlay: what {@code kubectl apply -k} would send. */
    static List<HasMetadata> render(String overlay) {
        try {
            Path output = Files.createTempFile("kustomize-", ".yaml");
            Process process = new ProcessBuilder(kubectl(), "kustomize", Repository.path("deploy/kubernetes/overlays/" + overlay).toString())
                    .redirectErrorStream(false).redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + overlay + " failed");
            }
            String yaml = Files.readString(output, StandardCharsets.UTF_8);
            Files.delete(output);
            return parse(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
