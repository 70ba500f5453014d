package com.successworkshop.engagement.application;

import com.successworkshop.engagement.domain.EligibilityPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Goals 6: the playbook says "more than 20,000 licences"; the public add-on text says "at least". Both are configurable. */
@ConfigMapping(prefix = "workshop.eligibility")
public interface EligibilityConfig {

    @WithDefault("20000")
    int threshold();

    @WithDefault("GREATER_THAN")
    EligibilityPolicy.Comparison comparison();

    @WithDefault("playbook-2020-04-30")
    String rulesVersion();
}
