package com.successworkshop.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** One overlay rendered by kubectl kustomize and read into typed models, strictly. */
final class Rendered {
    /** apiVersion/kind -> model. A kind not listed here fails the check: add its model first. */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", Cnpg.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", Cnpg.Database.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class));

    static final Path K8S_DIR = Path.of(System.getProperty("k8s.dir", "../k8s")).toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper MODEL = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    final String overlay;
    final List<Object> objects;

    private Rendered(String overlay, List<Object> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Stream<String> overlays() {
        try (Stream<Path> dirs = Files.list(K8S_DIR.resolve("overlays"))) {
            List<String> names = dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
            if (names.isEmpty()) throw new IllegalStateException("no overlays under " + K8S_DIR.resolve("overlays"));
            return names.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Rendered of(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> parse(o, Kubectl.kustomize(K8S_DIR.resolve("overlays").resolve(o))));
    }

    static Rendered parse(String overlay, String yaml) {
        List<Object> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode node = it.next();
                if (node == null || node.isNull() || node.isEmpty()) continue;
                String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
                String where = key + " " + node.path("metadata").path("name").asText();
                Class<?> model = MODELS.get(key);
                if (model == null) {
                    errors.add(where + ": no schema known for this apiVersion/kind");
                    continue;
                }
                try {
                    Object value = MODEL.treeToValue(node, model);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(value, "", unknown);
                    unknown.forEach(u -> errors.add(where + ": unknown field " + u));
                        // Written back, every value the model kept must be the one that was read (defaults may be left out).
                    lost(node, MODEL.valueToTree(value), "", unknown.isEmpty() ? errors : new ArrayList<>(), where);
                    if (name(value).isEmpty()) errors.add(where + ": metadata.name missing");
                    out.add(value);
                } catch (IOException | IllegalArgumentException e) {
                    errors.add(where + ": " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) throw new AssertionError(overlay + ": objects that do not match their schema:\n  " + String.join("\n  ", errors));
        return new Rendered(overlay, List.copyOf(out));
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> Optional<T> named(Class<T> type, String name) {
        return all(type).stream().filter(o -> name(o).equals(name)).findFirst();
    }

    static String name(Object o) {
        ObjectMeta meta = meta(o);
        return meta == null || meta.getName() == null ? "" : meta.getName();
    }

    static ObjectMeta meta(Object o) {
        if (o instanceof HasMetadata h) return h.getMetadata();
        if (o instanceof Cnpg.Cluster c) return c.metadata();
        if (o instanceof Cnpg.Database d) return d.metadata();
        return null;
    }

    /**
     * fabric8 and Strimzi models keep fields they do not know in additionalProperties instead of failing:
     * any entry there is a field the schema does not have.
     */
    static void unknownFields(Object value, String path, List<String> found) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Enum) return;
        if (value instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                // Strimzi's enums read an unknown value as null rather than failing.
                if (item == null) found.add(path.substring(1) + "[" + i + "] (a value the schema does not allow)");
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            return;
        }
        Class<?> type = value.getClass();
        String pkg = type.getPackageName();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) unknownFields(invoke(rc.getAccessor(), value), path + "." + rc.getName(), found);
            return;
        }
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) return;
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.isBridge() || m.isSynthetic() || m.getParameterCount() != 0) continue;
            if (m.getDeclaringClass() == Object.class || m.getReturnType() == void.class || m.getReturnType().isPrimitive()) continue;
            String n = m.getName();
            if (n.equals("getAdditionalProperties")) {
                Object extra = invoke(m, value);
                if (extra instanceof Map<?, ?> map) map.keySet().forEach(k -> found.add((path.isEmpty() ? "" : path.substring(1) + ".") + k));
                continue;
            }
            if (!n.startsWith("get") || n.length() < 4) continue;
            if (type.getPackageName().startsWith("io.fabric8.kubernetes.client")) continue;
            String field = Character.toLowerCase(n.charAt(3)) + n.substring(4);
            unknownFields(invoke(m, value), path + "." + field, found);
        }
    }

    static void lost(JsonNode in, JsonNode out, String path, List<String> errors, String where) {
        if (in.isObject()) {
            in.fields().forEachRemaining(e -> {
                JsonNode o = out == null ? null : out.get(e.getKey());
                if (path.isEmpty() && e.getKey().equals("apiVersion")) return;
                if (o != null) lost(e.getValue(), o, path + e.getKey() + ".", errors, where);
            });
        } else if (in.isArray()) {
            for (int i = 0; i < in.size(); i++) {
                JsonNode o = out != null && out.isArray() && i < out.size() ? out.get(i) : null;
                if (o == null || o.isNull() && !in.get(i).isNull()) errors.add(where + ": value not allowed by the schema at " + path + i);
                else lost(in.get(i), o, path + i + ".", errors, where);
            }
        } else if (out != null && !in.asText().equalsIgnoreCase(out.asText())) {
            errors.add(where + ": " + path + " read as " + out.asText() + ", written " + in.asText());
        }
    }

    private static Object invoke(Method m, Object target) {
        try {
            return m.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
