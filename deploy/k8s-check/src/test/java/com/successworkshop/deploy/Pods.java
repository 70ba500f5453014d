package com.successworkshop.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;

/** The environment a Deployment's first container sees: its ConfigMaps (envFrom) plus literal env values. */
final class Pods {
    private Pods() {}

    static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static Map<String, String> env(Rendered r, Deployment d) {
        Map<String, String> env = new LinkedHashMap<>();
        Container c = container(d);
        if (c.getEnvFrom() != null) {
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getConfigMapRef() == null) continue;
                ConfigMap cm = r.named(ConfigMap.class, from.getConfigMapRef().getName())
                        .orElseThrow(() -> new AssertionError(r.overlay + ": ConfigMap " + from.getConfigMapRef().getName() + " not rendered"));
                env.putAll(cm.getData());
            }
        }
        if (c.getEnv() != null) {
            for (EnvVar e : c.getEnv()) if (e.getValue() != null) env.put(e.getName(), e.getValue());
        }
        return env;
    }
}
