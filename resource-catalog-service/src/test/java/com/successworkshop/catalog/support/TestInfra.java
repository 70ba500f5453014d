package com.successworkshop.catalog.support;

import com.successworkshop.kit.testing.ServiceTestInfra;

import java.util.Map;

/** resource-catalog-service's database prefix, the topic its outbox writes and the topics it reads, each isolated per test run. */
public class TestInfra extends ServiceTestInfra {

    public TestInfra() {
        super("catalog", "resource-events", Map.of("resource-events", "resource-events", "engagement-events", "engagement-events"));
    }
}
