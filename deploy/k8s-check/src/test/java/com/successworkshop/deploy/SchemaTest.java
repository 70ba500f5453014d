package com.successworkshop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, and every object in it matches its Kubernetes or CRD schema. */
class SchemaTest {
    private static final String SOURCE = "com.successworkshop.deploy.Rendered#overlays";

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void rendersOnlyKnownKindsThatMatchTheirSchema(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertFalse(r.objects.isEmpty(), overlay + " renders nothing");
        Set<String> seen = new HashSet<>();
        for (Object o : r.objects) {
            String id = o.getClass().getSimpleName() + "/" + Rendered.name(o);
            assertTrue(seen.add(id), overlay + ": rendered twice: " + id);
        }
        assertEquals(4, r.all(Deployment.class).size(), overlay + ": four services");
        assertEquals(1, r.all(Kafka.class).size(), overlay + ": one Kafka");
        assertEquals(1, r.all(Cnpg.Cluster.class).size(), overlay + ": one PostgreSQL cluster");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyObjectLivesInTheOverlaysNamespace(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<io.fabric8.kubernetes.api.model.Namespace> ns = r.all(io.fabric8.kubernetes.api.model.Namespace.class);
        assertEquals(1, ns.size(), overlay + ": one Namespace");
        String name = ns.get(0).getMetadata().getName();
        for (Object o : r.objects) {
            if (o instanceof io.fabric8.kubernetes.api.model.Namespace) continue;
            assertEquals(name, Rendered.meta(o).getNamespace(), overlay + ": namespace of " + Rendered.name(o));
        }
    }

    // The validator itself: a misspelt field, a wrong type and an unknown kind must fail.
    @Test
    void rejectsAnUnknownField() {
        AssertionError e = assertThrows(AssertionError.class, () -> Rendered.parse("t", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 2
                """));
        assertTrue(e.getMessage().contains("spec.replica"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownFieldInACustomResource() {
        AssertionError e = assertThrows(AssertionError.class, () -> Rendered.parse("t", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: x}
                spec: {partitions: 3, replica: 3}
                ---
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instance: 3}
                """));
        assertTrue(e.getMessage().contains("spec.replica") && e.getMessage().contains("instance"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownFieldInAServiceMonitor() {
        AssertionError e = assertThrows(AssertionError.class, () -> Rendered.parse("t", """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                  endpoints:
                    - {port: http, pathh: /q/metrics}
                """));
        assertTrue(e.getMessage().contains("endpoints[0].pathh"), e.getMessage());
    }

    @Test
    void rejectsAWrongTypeAndAnUnknownKind() {
        AssertionError e = assertThrows(AssertionError.class, () -> Rendered.parse("t", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: x}
                spec:
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t}
                        operations: [Scribble]
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: y}
                spec: {partitions: many}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w}
                """));
        assertTrue(e.getMessage().contains("acls[0].operations[0]") && e.getMessage().contains("KafkaTopic y")
                && e.getMessage().contains("Widget"), e.getMessage());
    }
}
