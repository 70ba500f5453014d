package com.successworkshop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.openshift.api.model.monitoring.v1.Endpoint;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Prometheus scrapes every service through one ServiceMonitor; every service logs JSON and can export traces over OTLP. */
class ObservabilityTest {
    private static final String SOURCE = "com.successworkshop.deploy.Rendered#overlays";
    /** Namespace of Prometheus and the OpenTelemetry Collector (deploy/k8s/README.md, Prerequisites). */
    private static final String MONITORING = "monitoring";
    private static final String NS_LABEL = "kubernetes.io/metadata.name";

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) return false;
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not checked here: use matchLabels");
        }
        return labels != null && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static boolean inNamespace(NetworkPolicyPeer peer, String namespace) {
        return peer.getNamespaceSelector() != null && peer.getNamespaceSelector().getMatchLabels() != null
                && namespace.equals(peer.getNamespaceSelector().getMatchLabels().get(NS_LABEL));
    }

    private static boolean samePort(IntOrString a, IntOrString b) {
        return a != null && b != null && String.valueOf(a.getValue()).equals(String.valueOf(b.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyServiceHasOneServiceMonitorOnANamedPortOfItsService(String overlay) {
        Rendered r = Rendered.of(overlay);
        List<ServiceMonitor> monitors = r.all(ServiceMonitor.class);
        assertEquals(r.all(Deployment.class).size(), monitors.size(), overlay + ": one ServiceMonitor per service");
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            String at = overlay + "/" + name;
            Service svc = r.named(Service.class, name).orElseThrow(() -> new AssertionError(at + ": Service"));
            List<ServiceMonitor> mine = monitors.stream().filter(m -> selects(m.getSpec().getSelector(), svc.getMetadata().getLabels())).toList();
            assertEquals(1, mine.size(), at + ": ServiceMonitors selecting the Service: " + mine.stream().map(Rendered::name).toList());
            ServiceMonitor sm = mine.get(0);
            assertTrue(sm.getSpec().getNamespaceSelector() == null
                    || sm.getSpec().getNamespaceSelector().getMatchNames().contains(svc.getMetadata().getNamespace()), at + ": ServiceMonitor looks in the Service's namespace");
            List<Endpoint> endpoints = sm.getSpec().getEndpoints();
            assertFalse(endpoints == null || endpoints.isEmpty(), at + ": ServiceMonitor endpoints");
            for (Endpoint e : endpoints) {
                assertNotNull(e.getPort(), at + ": endpoint names a Service port (port:, not targetPort:)");
                assertEquals("/q/metrics", e.getPath(), at + ": metrics path");
                assertTrue(e.getScheme() == null || e.getScheme().equals("http"), at + ": scheme http");
                ServicePort sp = svc.getSpec().getPorts().stream().filter(p -> e.getPort().equals(p.getName())).findFirst()
                        .orElseThrow(() -> new AssertionError(at + ": endpoint port " + e.getPort() + " is not a port of Service " + name));
                // The port Prometheus reaches is the container's; the NetworkPolicy must admit namespace monitoring on it.
                ContainerPort cp = Pods.container(d).getPorts().stream()
                        .filter(p -> samePort(sp.getTargetPort(), new IntOrString(p.getName())) || samePort(sp.getTargetPort(), new IntOrString(p.getContainerPort())))
                        .findFirst().orElseThrow(() -> new AssertionError(at + ": Service port " + sp.getName() + " targets no container port"));
                NetworkPolicy np = r.named(NetworkPolicy.class, name).orElseThrow();
                boolean admitted = np.getSpec().getIngress().stream().anyMatch(rule ->
                        rule.getFrom().stream().anyMatch(peer -> inNamespace(peer, MONITORING) && peer.getPodSelector() == null)
                        && (rule.getPorts() == null || rule.getPorts().stream().anyMatch(p ->
                                samePort(p.getPort(), new IntOrString(cp.getContainerPort())) || cp.getName() != null && samePort(p.getPort(), new IntOrString(cp.getName())))));
                assertTrue(admitted, at + ": NetworkPolicy admits namespace " + MONITORING + " on container port " + cp.getContainerPort());
            }
            for (ServicePort p : svc.getSpec().getPorts()) assertNotNull(p.getName(), at + ": every Service port is named (ServiceMonitors refer to names)");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyServiceRunsTheClusterProfileAndExportsTracesOverOtlp(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            String at = overlay + "/" + name;
            Map<String, String> env = Pods.env(r, d);
            String profile = env.getOrDefault("QUARKUS_PROFILE", "");
            assertTrue(Arrays.stream(profile.split(",")).map(String::trim).anyMatch("cluster"::equals),
                    at + ": QUARKUS_PROFILE includes cluster (JSON logs with trace ids), is '" + profile + "'");

            String endpoint = env.get("OTEL_EXPORTER_OTLP_ENDPOINT");
            assertNotNull(endpoint, at + ": OTEL_EXPORTER_OTLP_ENDPOINT");
            URI uri = URI.create(endpoint);
            assertTrue(Set.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null, at + ": OTLP endpoint is a URL: " + endpoint);
            assertFalse(Set.of("localhost", "127.0.0.1", "::1").contains(uri.getHost()), at + ": OTLP endpoint is not the pod itself: " + endpoint);
            String protocol = env.getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc");
            assertTrue(Set.of("grpc", "http/protobuf").contains(protocol), at + ": OTEL_EXPORTER_OTLP_PROTOCOL " + protocol);
            String ratio = env.getOrDefault("OTEL_TRACES_SAMPLER_ARG", "0");
            double sampled = Double.parseDouble(ratio);
            assertTrue(sampled >= 0 && sampled <= 1, at + ": OTEL_TRACES_SAMPLER_ARG is a ratio: " + ratio);

            // The collector must be reachable: an egress rule on its port to its namespace (<svc>.<namespace>.svc...).
            int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
            String[] host = uri.getHost().split("\\.");
            String namespace = host.length >= 2 ? host[1] : d.getMetadata().getNamespace();
            NetworkPolicy np = r.named(NetworkPolicy.class, name).orElseThrow();
            boolean allowed = np.getSpec().getEgress().stream().anyMatch(rule ->
                    rule.getPorts() != null && rule.getPorts().stream().map(NetworkPolicyPort::getPort).anyMatch(p -> samePort(p, new IntOrString(port)))
                    && rule.getTo().stream().anyMatch(peer -> inNamespace(peer, namespace)
                            || namespace.equals(d.getMetadata().getNamespace()) && peer.getNamespaceSelector() == null && peer.getIpBlock() == null));
            assertTrue(allowed, at + ": NetworkPolicy lets the pods reach the collector " + endpoint + " (namespace " + namespace + ", port " + port + ")");
        }
    }
}
