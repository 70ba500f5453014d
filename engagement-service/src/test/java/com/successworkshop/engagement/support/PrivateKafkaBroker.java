package com.successworkshop.engagement.support;

import com.successworkshop.harness.fault.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A Kafka broker of this test's own (the harness' {@link KafkaBroker}: same official jars as the stack, own ports and
 * data) that a test may stop and start again, so that an outage test never disturbs the shared broker other runs use.
 */
public class PrivateKafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker current;

    /** The broker of the running test class. */
    public static KafkaBroker current() {
        return current;
    }

    @Override
    public Map<String, String> start() {
        try {
            // Nothing proxies this broker: its second listener advertises a free port nobody connects to.
            current = KafkaBroker.start(KafkaBroker.freePort());
            return Map.of("kafka.bootstrap.servers", current.bootstrap());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start a private Kafka broker from " + System.getProperty("kafka.lib.dir"), e);
        }
    }

    @Override
    public void stop() {
        try {
            if (current != null) {
                current.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the private Kafka broker", e);
        }
        current = null;
    }
}
