package com.successworkshop.ssat.support;

import com.successworkshop.kit.testing.ServiceTestInfra;

import java.util.Map;

/** ssat-service's database prefix, the topic its outbox writes and the topics it reads, each isolated per test run. */
public class TestInfra extends ServiceTestInfra {

    public TestInfra() {
        super("ssat", "ssat-events", Map.of("engagement-events", "engagement-events"));
    }
}
