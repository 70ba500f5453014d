package com.successworkshop.catalog.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Set;

@ConfigMapping(prefix = "workshop.link-check")
public interface LinkCheckConfig {

    /** Off by default: the scheduled job checks real addresses on the internet. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("6h")
    String every();

    @WithDefault("5s")
    Duration timeout();

    @WithDefault("4")
    int concurrency();

    @WithDefault("5")
    int maxRedirects();

    /** Host names (as written in the URL) allowed to resolve to private or loopback addresses; "none" in production. */
    @WithDefault("none")
    Set<String> allowedPrivateHosts();
}
