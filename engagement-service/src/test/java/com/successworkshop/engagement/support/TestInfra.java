package com.successworkshop.engagement.support;

import com.successworkshop.kit.testing.ServiceTestInfra;

import java.util.Map;

/** engagement-service's database prefix, the topic its outbox writes and the topics it reads, each isolated per test run. */
public class TestInfra extends ServiceTestInfra {

    public TestInfra() {
        super("engagement", "engagement-events", Map.of("ssat-events", "ssat-events", "task-events", "task-events"));
    }
}
