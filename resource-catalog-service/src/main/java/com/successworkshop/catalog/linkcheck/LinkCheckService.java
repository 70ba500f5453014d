package com.successworkshop.catalog.linkcheck;

import com.successworkshop.catalog.application.LinkCheckConfig;
import com.successworkshop.catalog.domain.ResourceLink;
import com.successworkshop.catalog.repository.ResourceLinkRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The scheduled link check (off unless workshop.link-check.enabled=true): every ACTIVE address, a few at a time. */
@ApplicationScoped
public class LinkCheckService {

    private static final Logger LOG = Logger.getLogger(LinkCheckService.class);

    @Inject
    LinkCheckConfig config;
    @Inject
    ResourceLinkRepository resources;

    private LinkChecker checker;

    @PostConstruct
    void init() {
        checker = new LinkChecker(config.timeout(), config.maxRedirects(), config.allowedPrivateHosts());
    }

    @Scheduled(identity = "link-check", every = "${workshop.link-check.every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        List<UUID> ids = QuarkusTransaction.requiringNew().call(resources::activeIds);
        Map<UUID, LinkChecker.Result> results = check(ids);
        long broken = results.values().stream().filter(r -> !r.ok()).count();
        LOG.infof("Link check: %d addresses checked, %d not OK", results.size(), broken);
    }

    /** Checks the given resources' addresses with bounded concurrency and records each result. */
    public Map<UUID, LinkChecker.Result> check(List<UUID> ids) {
        Map<UUID, String> addresses = QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, String> out = new LinkedHashMap<>();
            for (ResourceLink r : resources.byIdsInOrder(ids)) {
                if (r.active()) {
                    out.put(r.id, r.address);
                }
            }
            return out;
        });
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.concurrency()));
        try {
            Map<UUID, Future<LinkChecker.Result>> futures = new LinkedHashMap<>();
            addresses.forEach((id, address) -> futures.put(id, pool.submit(() -> checker.check(address))));
            Map<UUID, LinkChecker.Result> results = new LinkedHashMap<>();
            for (var f : futures.entrySet()) {
                LinkChecker.Result result;
                try {
                    result = f.getValue().get();
                } catch (ExecutionException e) {
                    result = new LinkChecker.Result(null, "check failed: " + e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                record(f.getKey(), result);
                results.put(f.getKey(), result);
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Not a catalog change: no new version, no event. */
    private void record(UUID id, LinkChecker.Result result) {
        String error = result.error() == null ? null : result.error().length() > 500 ? result.error().substring(0, 500) : result.error();
        QuarkusTransaction.requiringNew().run(() -> resources.recordCheck(id, Instant.now(), result.httpStatus(), error));
    }
}
