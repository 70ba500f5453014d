package com.successworkshop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Security context, probes, resources and graceful shutdown on every container of every overlay. */
class PodHardeningTest {
    private static final String SOURCE = "com.successworkshop.deploy.Rendered#overlays";
    /** quarkus.shutdown.timeout in the four application.properties. */
    private static final int QUARKUS_SHUTDOWN_SECONDS = 20;

    private static List<Container> containers(PodSpec pod) {
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) all.addAll(pod.getInitContainers());
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyContainerRunsNonRootReadOnlyWithoutPrivilege(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String where = overlay + "/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            assertNotNull(psc, where + ": pod securityContext");
            assertEquals(Boolean.TRUE, psc.getRunAsNonRoot(), where + ": runAsNonRoot");
            assertTrue(psc.getRunAsUser() != null && psc.getRunAsUser() > 0, where + ": runAsUser non-zero");
            assertEquals("RuntimeDefault", psc.getSeccompProfile().getType(), where + ": pod seccomp");
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), where + ": no service account token");
            assertFalse(Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID()) || Boolean.TRUE.equals(pod.getHostIPC()), where + ": host namespaces");
            for (Container c : containers(pod)) {
                String at = where + "/" + c.getName();
                SecurityContext sc = c.getSecurityContext();
                assertNotNull(sc, at + ": container securityContext");
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), at + ": allowPrivilegeEscalation");
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), at + ": readOnlyRootFilesystem");
                assertFalse(Boolean.TRUE.equals(sc.getPrivileged()), at + ": privileged");
                assertNotNull(sc.getCapabilities(), at + ": capabilities");
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), at + ": drop ALL");
                assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), at + ": no added capability");
                assertTrue(sc.getSeccompProfile() == null || "RuntimeDefault".equals(sc.getSeccompProfile().getType()), at + ": container seccomp");
                assertFalse(sc.getRunAsUser() != null && sc.getRunAsUser() == 0, at + ": root user");
                VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                        .orElseThrow(() -> new AssertionError(at + ": /tmp must be a writable volume (root fs is read-only)"));
                Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(tmp.getName())).findFirst().orElseThrow();
                assertNotNull(v.getEmptyDir(), at + ": /tmp is an emptyDir");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyContainerHasHealthProbesOnQuarkusEndpoints(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            for (Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
                String at = overlay + "/" + d.getMetadata().getName() + "/" + c.getName();
                probe(at, c, c.getStartupProbe(), "/q/health/started");
                probe(at, c, c.getLivenessProbe(), "/q/health/live");
                probe(at, c, c.getReadinessProbe(), "/q/health/ready");
            }
        }
    }

    private static void probe(String at, Container c, Probe p, String path) {
        assertNotNull(p, at + ": probe on " + path);
        HTTPGetAction get = p.getHttpGet();
        assertNotNull(get, at + ": HTTP probe on " + path);
        assertEquals(path, get.getPath(), at);
        String port = get.getPort().getStrVal();
        Integer number = get.getPort().getIntVal();
        assertTrue(c.getPorts().stream().anyMatch(cp -> cp.getName() != null && cp.getName().equals(port) || cp.getContainerPort().equals(number)),
                at + ": probe port " + get.getPort() + " is a container port");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyContainerHasRequestsAndLimits(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            for (Container c : containers(d.getSpec().getTemplate().getSpec())) {
                String at = overlay + "/" + d.getMetadata().getName() + "/" + c.getName();
                assertNotNull(c.getResources(), at + ": resources");
                Map<String, Quantity> req = c.getResources().getRequests();
                Map<String, Quantity> lim = c.getResources().getLimits();
                assertTrue(req != null && req.containsKey("cpu") && req.containsKey("memory"), at + ": cpu and memory requests");
                assertTrue(lim != null && lim.containsKey("memory"), at + ": memory limit");
                assertTrue(Quantity.getAmountInBytes(req.get("memory")).compareTo(Quantity.getAmountInBytes(lim.get("memory"))) <= 0, at + ": memory request <= limit");
                if (lim.containsKey("cpu")) {
                    assertTrue(Quantity.getAmountInBytes(req.get("cpu")).compareTo(Quantity.getAmountInBytes(lim.get("cpu"))) <= 0, at + ": cpu request <= limit");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void podsShutDownGracefully(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String at = overlay + "/" + d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Container c = pod.getContainers().get(0);
            assertNotNull(c.getLifecycle(), at + ": lifecycle");
            assertNotNull(c.getLifecycle().getPreStop(), at + ": preStop");
            List<String> cmd = c.getLifecycle().getPreStop().getExec().getCommand();
            assertEquals("sleep", cmd.get(0), at + ": preStop sleeps");
            int preStop = Integer.parseInt(cmd.get(cmd.size() - 1));
            Long grace = pod.getTerminationGracePeriodSeconds();
            assertNotNull(grace, at + ": terminationGracePeriodSeconds");
            assertTrue(grace > preStop + QUARKUS_SHUTDOWN_SECONDS,
                    at + ": grace period " + grace + " s must exceed preStop " + preStop + " s + Quarkus shutdown " + QUARKUS_SHUTDOWN_SECONDS + " s");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void jwtPublicKeyComesFromAMountedSecret(String overlay) {
        Rendered r = Rendered.of(overlay);
        for (Deployment d : r.all(Deployment.class)) {
            String at = overlay + "/" + d.getMetadata().getName();
            String location = Pods.env(r, d).get("JWT_PUBLIC_KEY_LOCATION");
            assertNotNull(location, at + ": JWT_PUBLIC_KEY_LOCATION");
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            VolumeMount mount = Pods.container(d).getVolumeMounts().stream()
                    .filter(m -> location.startsWith(m.getMountPath() + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError(at + ": " + location + " is not on a mounted volume"));
            Volume v = pod.getVolumes().stream().filter(x -> x.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertNotNull(v.getSecret(), at + ": the JWT key volume is a Secret");
            assertEquals(Boolean.TRUE, mount.getReadOnly(), at + ": JWT key mounted read-only");
        }
    }
}
