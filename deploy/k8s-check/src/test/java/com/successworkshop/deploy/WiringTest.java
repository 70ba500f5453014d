package com.successworkshop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service has its whole kit, its Kafka identity may write only its own topics, and its Secrets exist or are documented. */
class WiringTest {
    private static final String SOURCE = "com.successworkshop.deploy.Rendered#overlays";
    /** ARCHITECTURE.md: the one topic each service publishes. */
    private static final Map<String, String> OWN_TOPIC = Map.of(
            "engagement-service", "engagement-events",
            "ssat-service", "ssat-events",
            "task-service", "task-events",
            "resource-catalog-service", "resource-events");
    private static final Set<AclOperation> WRITING = Set.of(AclOperation.WRITE, AclOperation.CREATE, AclOperation.DELETE,
            AclOperation.ALTER, AclOperation.ALTERCONFIGS, AclOperation.ALL, AclOperation.IDEMPOTENTWRITE, AclOperation.CLUSTERACTION);
    /** Secrets created outside the overlay, as deploy/k8s/README.md tells; everything else must be rendered. */
    private static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
            "dev", Set.of("jwt-public-key"),
            "prod", Set.of("jwt-public-key", "engagement-service-db", "ssat-service-db", "task-service-db", "resource-catalog-service-db"));

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyServiceHasItsServiceAccountServicePdbHpaAndNetworkPolicy(String overlay) {
        Rendered r = Rendered.of(overlay);
        assertEquals(OWN_TOPIC.keySet(), r.all(Deployment.class).stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet()));
        for (Deployment d : r.all(Deployment.class)) {
            String name = d.getMetadata().getName();
            String at = overlay + "/" + name;
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(selects(d.getSpec().getSelector().getMatchLabels(), labels), at + ": selector matches the pod labels");
            String sa = d.getSpec().getTemplate().getSpec().getServiceAccountName();
            assertTrue(r.named(ServiceAccount.class, sa).isPresent(), at + ": ServiceAccount " + sa);
            Service svc = r.named(Service.class, name).orElseThrow(() -> new AssertionError(at + ": Service"));
            assertTrue(selects(svc.getSpec().getSelector(), labels), at + ": Service selects the pods");
            PodDisruptionBudget pdb = r.named(PodDisruptionBudget.class, name).orElseThrow(() -> new AssertionError(at + ": PDB"));
            assertTrue(selects(pdb.getSpec().getSelector().getMatchLabels(), labels), at + ": PDB selects the pods");
            HorizontalPodAutoscaler hpa = r.named(HorizontalPodAutoscaler.class, name).orElseThrow(() -> new AssertionError(at + ": HPA"));
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind(), at);
            assertEquals(name, hpa.getSpec().getScaleTargetRef().getName(), at + ": HPA targets the Deployment");
            assertTrue(hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas(), at + ": HPA min <= max");
            assertEquals(hpa.getSpec().getMinReplicas(), d.getSpec().getReplicas(), at + ": replicas = HPA minReplicas (apply does not fight the HPA)");
            NetworkPolicy np = r.named(NetworkPolicy.class, name).orElseThrow(() -> new AssertionError(at + ": NetworkPolicy"));
            assertTrue(selects(np.getSpec().getPodSelector().getMatchLabels(), labels), at + ": NetworkPolicy selects the pods");
            assertEquals(List.of("Ingress", "Egress"), np.getSpec().getPolicyTypes(), at + ": both directions are restricted");
            np.getSpec().getIngress().forEach(rule -> assertFalse(rule.getFrom() == null || rule.getFrom().isEmpty(), at + ": ingress from anywhere"));
            np.getSpec().getEgress().forEach(rule -> assertFalse(rule.getTo() == null || rule.getTo().isEmpty(), at + ": egress to anywhere"));
            Set<Integer> egressPorts = np.getSpec().getEgress().stream().flatMap(e -> e.getPorts().stream())
                    .map(p -> p.getPort().getIntVal()).collect(Collectors.toSet());
            assertTrue(egressPorts.containsAll(Set.of(53, 5432, 9093)), at + ": egress to DNS, PostgreSQL and Kafka: " + egressPorts);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyReferencedSecretIsRenderedMadeByAnOperatorOrDocumented(String overlay) {
        Rendered r = Rendered.of(overlay);
        Set<String> available = new HashSet<>(EXTERNAL_SECRETS.getOrDefault(overlay, Set.of("jwt-public-key")));
        r.all(Secret.class).forEach(s -> available.add(s.getMetadata().getName()));
        r.all(KafkaUser.class).forEach(u -> available.add(u.getMetadata().getName())); // Strimzi user operator
        r.all(Kafka.class).forEach(k -> available.add(k.getMetadata().getName() + "-cluster-ca-cert")); // Strimzi cluster operator
        Set<String> missing = new TreeSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            for (EnvVar e : Pods.container(d).getEnv()) {
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null && !available.contains(e.getValueFrom().getSecretKeyRef().getName())) {
                    missing.add(d.getMetadata().getName() + " env " + e.getName() + " -> " + e.getValueFrom().getSecretKeyRef().getName());
                }
            }
            for (Volume v : d.getSpec().getTemplate().getSpec().getVolumes()) {
                if (v.getSecret() != null && !available.contains(v.getSecret().getSecretName())) missing.add(d.getMetadata().getName() + " volume -> " + v.getSecret().getSecretName());
            }
        }
        for (Cnpg.Role role : r.all(Cnpg.Cluster.class).get(0).spec().managed().roles()) {
            if (!available.contains(role.passwordSecret().name())) missing.add("role " + role.name() + " -> " + role.passwordSecret().name());
        }
        assertTrue(missing.isEmpty(), overlay + ": Secrets neither rendered, made by an operator nor documented as external: " + missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyServiceLogsInAsTheOwnerOfItsOwnDatabase(String overlay) {
        Rendered r = Rendered.of(overlay);
        Cnpg.Cluster cluster = r.all(Cnpg.Cluster.class).get(0);
        Map<String, Cnpg.Role> roleBySecret = cluster.spec().managed().roles().stream()
                .collect(Collectors.toMap(role -> role.passwordSecret().name(), role -> role));
        Set<String> databases = new HashSet<>();
        for (Deployment d : r.all(Deployment.class)) {
            String at = overlay + "/" + d.getMetadata().getName();
            String url = Pods.env(r, d).get("DB_URL");
            String prefix = "jdbc:postgresql://" + cluster.metadata().getName() + "-rw:5432/";
            assertTrue(url != null && url.startsWith(prefix), at + ": DB_URL " + url + " points at the primary of " + cluster.metadata().getName());
            String db = url.substring(prefix.length());
            assertTrue(databases.add(db), at + ": database " + db + " is shared");
            String secret = Pods.container(d).getEnv().stream().filter(e -> e.getName().equals("DB_USER")).findFirst()
                    .orElseThrow().getValueFrom().getSecretKeyRef().getName();
            Cnpg.Role role = roleBySecret.get(secret);
            assertNotNull(role, at + ": Secret " + secret + " is the password of a managed role");
            assertEquals("present", role.ensure(), at);
            assertEquals(Boolean.TRUE, role.login(), at + ": role can log in");
            assertFalse(Boolean.TRUE.equals(role.superuser()), at + ": not a superuser");
            Cnpg.Database database = r.all(Cnpg.Database.class).stream().filter(x -> x.spec().name().equals(db)).findFirst()
                    .orElseThrow(() -> new AssertionError(at + ": Database " + db));
            assertEquals(role.name(), database.spec().owner(), at + ": the service's role owns its database");
            assertEquals(cluster.metadata().getName(), database.spec().cluster().name(), at);
            r.named(Secret.class, secret).ifPresent(s -> {
                assertEquals("kubernetes.io/basic-auth", s.getType(), at + ": CloudNativePG reads basic-auth Secrets");
                assertEquals(role.name(), new String(Base64.getDecoder().decode(s.getData().get("username")), StandardCharsets.UTF_8), at + ": username = role");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void kafkaIsKraftWithNodePoolsAndSimpleAuthorization(String overlay) {
        Rendered r = Rendered.of(overlay);
        Kafka kafka = r.all(Kafka.class).get(0);
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"), overlay);
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"), overlay);
        assertEquals("simple", kafka.getSpec().getKafka().getAuthorization().getType(), overlay + ": ACLs enforced");
        kafka.getSpec().getKafka().getListeners().forEach(l -> {
            assertTrue(l.isTls(), overlay + ": listener " + l.getName() + " uses TLS");
            assertNotNull(l.getAuth(), overlay + ": listener " + l.getName() + " authenticates");
        });
        List<KafkaNodePool> pools = r.all(KafkaNodePool.class);
        assertTrue(pools.stream().allMatch(p -> kafka.getMetadata().getName().equals(p.getMetadata().getLabels().get("strimzi.io/cluster"))), overlay);
        assertTrue(pools.stream().anyMatch(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER)), overlay + ": KRaft controllers");
        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER)).mapToInt(p -> p.getSpec().getReplicas()).sum();
        for (KafkaTopic t : r.all(KafkaTopic.class)) {
            String at = overlay + "/" + t.getMetadata().getName();
            assertEquals(kafka.getMetadata().getName(), t.getMetadata().getLabels().get("strimzi.io/cluster"), at);
            assertTrue(t.getSpec().getReplicas() <= brokers, at + ": replicas <= brokers (" + brokers + ")");
            int minIsr = Integer.parseInt(String.valueOf(t.getSpec().getConfig().get("min.insync.replicas")));
            assertTrue(minIsr <= t.getSpec().getReplicas() && (minIsr < t.getSpec().getReplicas() || t.getSpec().getReplicas() == 1),
                    at + ": min.insync.replicas leaves room for one broker down");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(SOURCE)
    void everyKafkaUserWritesOnlyItsOwnTopicAndItsOwnDeadLetterTopics(String overlay) {
        Rendered r = Rendered.of(overlay);
        Set<String> topics = r.all(KafkaTopic.class).stream().map(t -> t.getMetadata().getName()).collect(Collectors.toSet());
        assertEquals(OWN_TOPIC.keySet(), r.all(KafkaUser.class).stream().map(u -> u.getMetadata().getName()).collect(Collectors.toSet()), overlay + ": one KafkaUser per service");
        for (KafkaUser user : r.all(KafkaUser.class)) {
            String service = user.getMetadata().getName();
            String at = overlay + "/KafkaUser " + service;
            String own = OWN_TOPIC.get(service);
            assertEquals("scram-sha-512", user.getSpec().getAuthentication().getType(), at);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            Set<String> reads = new HashSet<>();
            Set<String> writes = new HashSet<>();
            Set<String> groups = new HashSet<>();
            for (AclRule acl : acls) {
                List<AclOperation> ops = acl.getOperations();
                assertTrue(ops != null && !ops.isEmpty() && !ops.contains(null), at + ": operations");
                if (acl.getResource() instanceof AclRuleTopicResource topic) {
                    assertEquals(AclResourcePatternType.LITERAL, topic.getPatternType(), at + ": topic ACLs name one topic, never a prefix");
                    assertTrue(topics.contains(topic.getName()), at + ": ACL on " + topic.getName() + ", which has no KafkaTopic");
                    if (ops.stream().anyMatch(WRITING::contains)) {
                        assertEquals(Set.of(AclOperation.WRITE, AclOperation.DESCRIBE), Set.copyOf(ops), at + ": only Write (+Describe) on " + topic.getName());
                        writes.add(topic.getName());
                    }
                    if (ops.contains(AclOperation.READ)) reads.add(topic.getName());
                } else if (acl.getResource() instanceof AclRuleGroupResource group) {
                    assertEquals(AclResourcePatternType.LITERAL, group.getPatternType(), at);
                    assertEquals(List.of(AclOperation.READ), ops, at + ": group ACLs only Read");
                    groups.add(group.getName());
                } else {
                    throw new AssertionError(at + ": only topic and group ACLs, found " + acl.getResource().getType());
                }
            }
            assertTrue(writes.contains(own), at + ": may write " + own);
            for (String w : writes) {
                boolean ownDlq = w.endsWith("." + service + ".dlq") && reads.contains(w.substring(0, w.length() - ("." + service + ".dlq").length()));
                assertTrue(w.equals(own) || ownDlq, at + ": writes " + w + ", which is neither " + own + " nor a dead-letter topic of a topic it reads");
            }
            // What the service is configured to use is what the ACLs allow.
            Deployment d = r.named(Deployment.class, service).orElseThrow();
            Map<String, String> env = Pods.env(r, d);
            assertEquals(Set.of(env.get("KAFKA_GROUP_ID")), groups, at + ": consumer group");
            Set<String> configuredReads = env.entrySet().stream()
                    .filter(e -> e.getKey().endsWith("_TOPIC") && !e.getKey().endsWith("_DLQ_TOPIC") && !e.getValue().equals(own))
                    .map(Map.Entry::getValue).collect(Collectors.toSet());
            if (service.equals("resource-catalog-service")) configuredReads.add(own); // it refreshes packs from its own events
            assertEquals(configuredReads, reads, at + ": reads what it consumes");
            Set<String> configuredDlqs = env.entrySet().stream().filter(e -> e.getKey().endsWith("_DLQ_TOPIC")).map(Map.Entry::getValue).collect(Collectors.toSet());
            Set<String> dlqWrites = new HashSet<>(writes);
            dlqWrites.remove(own);
            assertEquals(configuredDlqs, dlqWrites, at + ": dead-letter topics");
            // A consumer beyond the partition count sits idle.
            int max = r.named(HorizontalPodAutoscaler.class, service).orElseThrow().getSpec().getMaxReplicas();
            for (String read : reads) {
                int partitions = r.named(KafkaTopic.class, read).orElseThrow().getSpec().getPartitions();
                assertTrue(partitions >= max, at + ": " + read + " has " + partitions + " partitions, fewer than maxReplicas " + max);
            }
        }
    }
}
