package com.successworkshop.system;

import com.successworkshop.harness.Http;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady, bounded load: one POST every 1/rate seconds (open model: a slow answer does not slow the next request),
 * at most {@code maxRequests}, on loopback. Counts the answers by status. Given several URLs (instances of one service),
 * the requests go to them in turn.
 */
final class Load implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> createdBy = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failedBy = new ConcurrentHashMap<>();

    private Load() {
    }

    static Load start(Http http, String url, Supplier<Object> body, int ratePerSecond, int maxRequests) {
        return start(http, List.of(url), body, ratePerSecond, maxRequests);
    }

    /** As {@link #start(Http, String, Supplier, int, int)}, request n going to {@code urls.get(n % urls.size())}. */
    static Load start(Http http, List<String> urls, Supplier<Object> body, int ratePerSecond, int maxRequests) {
        Load load = new Load();
        long periodMicros = 1_000_000L / ratePerSecond;
        load.timer.scheduleAtFixedRate(() -> {
            if (load.sent.get() >= maxRequests) {
                return;
            }
            String url = urls.get(load.sent.getAndIncrement() % urls.size());
            load.inFlight.incrementAndGet();
            http.postAsync(url, body.get()).whenComplete((HttpResponse<String> r, Throwable e) -> {
                if (e != null) {
                    load.failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
                    load.failedBy.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
                } else if (r.statusCode() == 201) {
                    load.created.incrementAndGet();
                    load.createdBy.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
                } else {
                    load.failures.computeIfAbsent("HTTP " + r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                    load.failedBy.computeIfAbsent(url, k -> new AtomicInteger()).incrementAndGet();
                }
                load.answered.incrementAndGet();
                load.inFlight.decrementAndGet();
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        return load;
    }

    int created() {
        return created.get();
    }

    int answered() {
        return answered.get();
    }

    int sent() {
        return sent.get();
    }

    int inFlight() {
        return inFlight.get();
    }

    Map<String, AtomicInteger> failures() {
        return failures;
    }

    /** 201s by the URL that answered them. */
    Map<String, AtomicInteger> createdBy() {
        return createdBy;
    }

    /** Failures (no answer, or an answer other than 201) by the URL the request went to. */
    Map<String, AtomicInteger> failedBy() {
        return failedBy;
    }

    /** Stops sending; answers still in flight keep being counted. */
    @Override
    public void close() {
        timer.shutdownNow();
    }
}
