package com.successworkshop.harness.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.successworkshop.harness.Http;
import com.successworkshop.harness.Stack;
import com.successworkshop.harness.Stack.Service;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmarks of issue 9. Each starts its own services (fresh databases and topics) and prints its figures.
 * Usage: Bench startup | read | write-to-effect | catch-up | all
 */
public final class Bench {

    private static final String PARTNER = "bench-partner";
    /**
     * Before a read figure, both apps get the same warm-up (-Dwarmup=, seconds) so that the figure is the steady state.
     * 60 s: after 10 s C2 was still compiling the services' GET path (thousands of compilations a minute) and the ratio
     * read 0.17-0.31x; the bare app, a hundredth of the code, is compiled within seconds.
     */
    private static final int WARMUP_SECONDS = Integer.getInteger("warmup", 60);
    /**
     * Before a write figure: the steady state of a pod that has run for a while, 180 s of POSTs at 40/s (-Dwarmup,
     * -DwarmupRate; a rate the two cores sustain). The JIT compiles a method after thousands of calls, and a path taken
     * once per engagement was still being compiled after 60 s: CPU per engagement read 78-83 ms after 10 s, 30 ms after
     * 180 s (the JIT's own share 31 -> 9.5 ms, the rest is the same work running compiled).
     */
    private static final int WRITE_WARMUP_SECONDS = 180;
    private static final int WRITE_WARMUP_RATE = 40;

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "all";
        System.out.println("# machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", " + Instant.now());
        switch (what) {
            case "startup" -> startup();
            case "read" -> read(Integer.parseInt(System.getProperty("seconds", "15")), Integer.parseInt(System.getProperty("concurrency", "8")));
            case "write-to-effect" -> writeToEffect(Integer.parseInt(System.getProperty("rate", "100")), Integer.parseInt(System.getProperty("seconds", "15")));
            case "catch-up" -> catchUp(Integer.parseInt(System.getProperty("events", "100000")), consumers());
            case "cpu" -> cpuPerEngagement(Integer.parseInt(System.getProperty("engagements", "400")), Integer.parseInt(System.getProperty("rate", "20")));
            case "all" -> {
                startup();
                read(15, 8);
                writeToEffect(100, 15);
                catchUp(Integer.parseInt(System.getProperty("events", "100000")), consumers());
                cpuPerEngagement(400, 20);
            }
            default -> throw new IllegalArgumentException("startup | read | write-to-effect | catch-up | cpu | all");
        }
        System.exit(0);
    }

    static Map<String, Object> engagement(int i, int licences, boolean enterprise) {
        return Map.of("customerName", "Bench customer " + i, "fastTrackManager", "fm@bench.example", "licenceCount", licences,
                "enterprise", enterprise, "intendedServices", List.of(Map.of("workload", "OD"), Map.of("workload", "SPO")));
    }

    /** Time from launching the JVM to the first answered request, and RSS after it, one service at a time. */
    static void startup() throws Exception {
        System.out.println("## startup (JVM mode, " + String.join(" ", Stack.serviceJvmOptions()) + "): launch → first answer; RSS after a first API request");
        for (Service s : Service.values()) {
            try (Stack stack = Stack.start(EnumSet.of(s), Map.of())) {
                Http http = new Http(stack.token(PARTNER, "fasttrack-manager", "catalog-admin"));
                String path = switch (s) {
                    case ENGAGEMENT -> "/api/v1/engagements";
                    case SSAT -> "/api/v1/ssat/readiness?engagementId=" + UUID.randomUUID();
                    case TASK -> "/api/v1/task-templates";
                    case CATALOG -> "/api/v1/resources";
                };
                int status = http.getAsync(stack.url(s) + path).get().statusCode();
                long rss = stack.rssKb(s);
                Map<String, Long> cpu = Stack.cpuByThread(stack.pid(s));
                System.out.printf("%-26s first answer after %5d ms   GET %s → %d   RSS %d MB, %d MB at rest%n", s.name().toLowerCase(),
                        stack.startupTimes().get(s).toMillis(), path.split("\\?")[0], status, rss / 1024, rssAtRest(stack.pid(s)) / 1024);
                System.out.printf("%-26s CPU by then (the first API answer): main thread %d ms, JIT %d ms (C1 %d, C2 %d), other threads %d ms%n", "",
                        cpu.get("main"), cpu.get("C1") + cpu.get("C2"), cpu.get("C1"), cpu.get("C2"), cpu.get("other"));
            }
        }
        referenceStartup();
    }

    /**
     * RSS once the first request's transient memory could be given back: the JIT's arenas and the like are freed at once
     * but stay with the C allocator until the JVM trims it (-XX:TrimNativeHeapInterval), so a pod at rest shows this figure.
     */
    static long rssAtRest(long pid) throws Exception {
        TimeUnit.SECONDS.sleep(5);
        return Stack.rssKb(pid);
    }

    /** The bare reference app's start-up, with an AOT cache trained here like the services' (same flags): the figure to compare with. */
    static void referenceStartup() throws Exception {
        Path jar = Path.of(System.getProperty("project.root", ".")).resolve("deploy/bench/reference-app/target/quarkus-app/quarkus-run.jar");
        Path aot = jar.resolveSibling("app.aot");
        if (!java.nio.file.Files.exists(aot) || java.nio.file.Files.getLastModifiedTime(aot).compareTo(java.nio.file.Files.getLastModifiedTime(jar)) < 0) {
            List<String> training = new ArrayList<>(Stack.javaCommand(jar));
            training.removeIf(o -> o.startsWith("-XX:MaxMetaspaceSize="));  // the cache is assembled in the training JVM's metaspace
            training.addAll(training.indexOf("-jar"), Stack.aotTrainingOptions());
            training.add(training.indexOf("-jar"), "-XX:AOTCacheOutput=" + aot);
            referenceRun(training, true);
        }
        long[] figures = referenceRun(Stack.javaCommand(jar), false);
        System.out.printf("%-26s first answer after %5d ms   GET /items/{id} → 404   RSS %d MB, %d MB at rest   (bare Quarkus REST + Panache, AOT cache %s)%n",
                "bare reference", figures[0], figures[1] / 1024, figures[2] / 1024, java.nio.file.Files.exists(aot) ? "trained here" : "none");
    }

    /** Starts the reference app on a fresh database; answers {ms to the first answer, RSS in kB}; a training run is asked a few times more. */
    private static long[] referenceRun(List<String> command, boolean training) throws Exception {
        return withReference(command, (base, jdbcUrl, app, millis) -> {
            for (int i = 0; training && i < 200; i++) {
                new Http(null).getAsync(base + UUID.randomUUID()).get();
            }
            long rss = Stack.rssKb(app.pid());
            return new long[] {millis, rss, training ? rss : rssAtRest(app.pid())};
        });
    }

    /** What a benchmark does with the started reference app: its base URL (…/items/), its database, its process, ms to its first answer. */
    interface ReferenceUse<T> {
        T apply(String base, String jdbcUrl, Process app, long startMillis) throws Exception;
    }

    /** deploy/bench/reference-app on a fresh database of its own, started by {@code command}, answered once, used, stopped, dropped. */
    private static <T> T withReference(List<String> command, ReferenceUse<T> use) throws Exception {
        String db = "bench_reference_" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "jdbc:postgresql://" + System.getenv().getOrDefault("PGHOST", "127.0.0.1") + ":5432/";
        try (Connection c = DriverManager.getConnection(admin + "postgres", "postgres", "")) {
            c.createStatement().execute("create database " + db);
        }
        int port = Stack.freePort();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(Map.of("HTTP_PORT", String.valueOf(port), "DB_URL", admin + db, "MALLOC_ARENA_MAX", "2"));
        long t0 = System.nanoTime();
        Process app = pb.start();
        try {
            String base = "http://127.0.0.1:" + port + "/items/";
            Http http = new Http(null);
            while (true) {
                try {
                    http.getAsync(base + UUID.randomUUID()).get();
                    break;
                } catch (Exception e) {
                    if (System.nanoTime() - t0 > 60_000_000_000L || !app.isAlive()) {
                        throw new IllegalStateException("the bare reference app did not start (" + String.join(" ", command) + ")", e);
                    }
                    Thread.sleep(10);
                }
            }
            return use.apply(base, admin + db, app, (System.nanoTime() - t0) / 1_000_000);
        } finally {
            app.destroy();
            app.waitFor();
            try (Connection c = DriverManager.getConnection(admin + "postgres", "postgres", "")) {
                c.createStatement().execute("drop database if exists " + db + " with (force)");
            }
        }
    }

    /** GET by id under closed-model load, beside pgbench -S on the same PostgreSQL. */
    static void read(int seconds, int concurrency) throws Exception {
        System.out.printf("## read: GET engagement by id, %d concurrent clients, %d s%n", concurrency, seconds);
        try (Stack stack = Stack.start(EnumSet.of(Service.ENGAGEMENT), Map.of("WRITE_RATE_LIMIT_PER_SECOND", "0"))) {
            Http http = new Http(stack.token(PARTNER, "fasttrack-manager"));
            String base = stack.url(Service.ENGAGEMENT) + "/api/v1/engagements";
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                ids.add(http.post(base, engagement(i, 1000 + i, false)).path("id").asText());
            }
            run(http, concurrency, WARMUP_SECONDS, i -> base + "/" + ids.get(i % ids.size()));  // warm-up
            double byId = run(http, concurrency, seconds, i -> base + "/" + ids.get(new Random(i).nextInt(ids.size())));
            run(http, concurrency, seconds, i -> base + "?size=20&page=" + (i % 25));
            double wrkById = wrk(stack.token(PARTNER, "fasttrack-manager"), base + "/" + ids.get(0), seconds, concurrency);
            double bare = bareQuarkusGetById(seconds, concurrency);
            double pg = pgbenchSelectOnly(seconds, concurrency);
            System.out.printf("bare Quarkus REST + Panache GET by id (same JVM flags, same PostgreSQL, same client): %.0f req/s → "
                    + "GET engagement by id / bare = %.2f× (target ≥ 0.5×)%n", bare, byId / bare);
            System.out.printf("pgbench -S (same server, %d clients): %.0f TPS → GET-by-id / pgbench-S = %.3f with the Java client, %.3f with wrk%n",
                    concurrency, pg, byId / pg, wrkById / pg);
        }
    }

    /** deploy/bench/reference-app: one entity, GET by id, started like a service, 500 rows seeded. */
    static double bareQuarkusGetById(int seconds, int concurrency) throws Exception {
        Path jar = Path.of(System.getProperty("project.root", ".")).resolve("deploy/bench/reference-app/target/quarkus-app/quarkus-run.jar");
        return withReference(Stack.javaCommand(jar), (base, jdbcUrl, app, millis) -> {
            List<UUID> ids = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "");
                 java.sql.PreparedStatement insert = c.prepareStatement("insert into item(id, name, version) values (?, ?, 0)")) {
                for (int i = 0; i < 500; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, "Contoso " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            Http http = new Http(null);
            run(http, concurrency, WARMUP_SECONDS, i -> base + ids.get(i % ids.size()));  // warm-up
            return run(http, concurrency, seconds, i -> base + ids.get(new Random(i).nextInt(ids.size())));
        });
    }

    interface UrlFor {
        String url(int i);
    }

    static double run(Http http, int concurrency, int seconds, UrlFor urls) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] lat = new long[concurrency][];
        AtomicInteger n = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Thread[] threads = new Thread[concurrency];
        for (int t = 0; t < concurrency; t++) {
            int tt = t;
            threads[t] = new Thread(() -> {
                long[] mine = new long[1 << 20];
                int k = 0;
                while (System.nanoTime() < end && k < mine.length) {
                    int i = n.incrementAndGet();
                    long t0 = System.nanoTime();
                    try {
                        if (http.getAsync(urls.url(i)).get().statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[k++] = System.nanoTime() - t0;
                }
                lat[tt] = java.util.Arrays.copyOf(mine, k);
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] all = java.util.Arrays.stream(lat).flatMapToLong(java.util.Arrays::stream).toArray();
        double tps = all.length / (double) seconds;
        System.out.printf("  %s …: %.0f req/s, %s, errors %d%n", urls.url(0).replaceAll("/[0-9a-f-]{36}$", "/{id}").replaceAll("\\?.*", "?page=…"),
                tps, Stats.of(all), errors.get());
        return tps;
    }

    /** The same GET with wrk (a C load generator that takes less of the two cores than the Java client), when installed. */
    static double wrk(String token, String url, int seconds, int connections) throws Exception {
        try {
            exec("wrk", "--version");
        } catch (Exception e) {
            if (!String.valueOf(e.getMessage()).contains("wrk ")) {
                System.out.println("  (wrk not installed: apt-get install wrk for a lighter load generator)");
                return 0;
            }
        }
        String out = exec("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency", "-H", "Authorization: Bearer " + token, url);
        double rps = 0;
        String p50 = "?";
        String p99 = "?";
        for (String line : out.split("\n")) {
            String l = line.trim();
            if (l.startsWith("Requests/sec:")) {
                rps = Double.parseDouble(l.substring("Requests/sec:".length()).trim());
            } else if (l.startsWith("50%")) {
                p50 = l.substring(3).trim();
            } else if (l.startsWith("99%")) {
                p99 = l.substring(3).trim();
            }
        }
        System.out.printf("  wrk GET …/engagements/{id}, %d connections: %.0f req/s, p50=%s p99=%s%n", connections, rps, p50, p99);
        return rps;
    }

    static double pgbenchSelectOnly(int seconds, int clients) throws Exception {
        String db = "bench_pgbench_" + UUID.randomUUID().toString().substring(0, 8);
        String host = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
        try {
            exec("psql", "-h", host, "-U", "postgres", "-d", "postgres", "-qc", "create database " + db);
            exec("pgbench", "-h", host, "-U", "postgres", "-i", "-q", "-s", "10", db);
            String out = exec("pgbench", "-h", host, "-U", "postgres", "-S", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), db);
            for (String line : out.split("\n")) {
                if (line.startsWith("tps")) {
                    return Double.parseDouble(line.replaceAll("^tps = ([0-9.]+).*", "$1"));
                }
            }
            throw new IllegalStateException("no tps in pgbench output: " + out);
        } finally {
            exec("psql", "-h", host, "-U", "postgres", "-d", "postgres", "-qc", "drop database if exists " + db);
        }
    }

    static String exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            r.lines().forEach(l -> out.append(l).append('\n'));
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
        return out.toString();
    }

    /**
     * POST engagement at a fixed rate (open model: sends do not wait for answers); latency = from the POST being sent
     * to ssat-service's SsatReadinessChanged and task-service's TaskProgressChanged for it arriving on their topics,
     * i.e. the consuming service has committed its effect (its outbox row is written in the same transaction).
     */
    static void writeToEffect(int rate, int seconds) throws Exception {
        int warmup = Integer.getInteger("warmup", WRITE_WARMUP_SECONDS);
        int warmupRate = Integer.getInteger("warmupRate", WRITE_WARMUP_RATE);
        System.out.printf("## write → effect: POST engagement at %d/s for %d s (after %d s of warm-up at %d/s, drained), until visible in ssat-service and task-service%n",
                rate, seconds, warmup, warmupRate);
        try (Stack stack = Stack.start(EnumSet.of(Service.ENGAGEMENT, Service.SSAT, Service.TASK), Map.of("WRITE_RATE_LIMIT_PER_SECOND", "0"))) {
            Http http = new Http(stack.token(PARTNER, "fasttrack-manager"));
            String base = stack.url(Service.ENGAGEMENT) + "/api/v1/engagements";
            Map<String, Long> ssatAt = new ConcurrentHashMap<>();
            Map<String, Long> taskAt = new ConcurrentHashMap<>();
            Map<String, Long> relayedAt = new ConcurrentHashMap<>();
            Thread relayed = listen(stack, stack.topic("engagement-events"), "EngagementCreated", relayedAt);
            Thread ssat = listen(stack, stack.topic("ssat-events"), "SsatReadinessChanged", ssatAt);
            Thread task = listen(stack, stack.topic("task-events"), "TaskProgressChanged", taskAt);
            TimeUnit.SECONDS.sleep(3);
            // Warm-up: the JIT compiles the hot paths of all three services; the figures are of the steady state.
            Map<String, Long> warm = new ConcurrentHashMap<>();
            drive(http, base, warmupRate, warmup, warm, new AtomicLong());
            awaitSeen(warm, ssatAt, taskAt, Duration.ofSeconds(300));
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            AtomicLong failures = new AtomicLong();
            double achieved = drive(http, base, rate, seconds, sentAt, failures);
            awaitSeen(sentAt, ssatAt, taskAt, Duration.ofSeconds(60));
            ssat.interrupt();
            task.interrupt();
            relayed.interrupt();
            System.out.printf("  sent %d (offered %.0f/s), failed %d%n", rate * seconds, achieved, failures.get());
            System.out.println("  POST → EngagementCreated on its topic (first hop): " + Stats.of(latencies(sentAt, relayedAt)));
            System.out.println("  POST → visible in ssat-service: " + Stats.of(latencies(sentAt, ssatAt)));
            System.out.println("  POST → visible in task-service: " + Stats.of(latencies(sentAt, taskAt)));
        }
    }

    /** Open model: one POST every 1/rate s whatever the answers; returns the rate actually offered. */
    private static double drive(Http http, String base, int rate, int seconds, Map<String, Long> sentAt, AtomicLong failures) throws Exception {
        int total = rate * seconds;
        CountDownLatch answered = new CountDownLatch(total);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        timer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= total) {
                return;
            }
            long t0 = System.nanoTime();
            http.postAsync(base, engagement(i, 100 + i, false)).whenComplete((r, e) -> {
                try {
                    if (e == null && r.statusCode() == 201) {
                        sentAt.put(Http.JSON.readTree(r.body()).path("id").asText(), t0);
                    } else {
                        failures.incrementAndGet();
                    }
                } catch (Exception ex) {
                    failures.incrementAndGet();
                } finally {
                    answered.countDown();
                }
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        answered.await(seconds + 60L, TimeUnit.SECONDS);
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        timer.shutdownNow();
        return achieved;
    }

    private static void awaitSeen(Map<String, Long> sent, Map<String, Long> ssatAt, Map<String, Long> taskAt, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!(ssatAt.keySet().containsAll(sent.keySet()) && taskAt.keySet().containsAll(sent.keySet())) && Instant.now().isBefore(deadline)) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static long[] latencies(Map<String, Long> sent, Map<String, Long> seen) {
        return sent.entrySet().stream().filter(e -> seen.containsKey(e.getKey()))
                .mapToLong(e -> seen.get(e.getKey()) - e.getValue()).toArray();
    }

    private static Thread listen(Stack stack, String topic, String eventName, Map<String, Long> firstSeen) {
        Thread t = new Thread(() -> {
            try (KafkaConsumer<String, String> c = consumer(stack)) {
                c.subscribe(List.of(topic));
                while (!Thread.currentThread().isInterrupted()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(20))) {
                        var h = r.headers().lastHeader("ce_type");
                        if (h != null && new String(h.value(), StandardCharsets.UTF_8).contains("." + eventName + ".")) {
                            firstSeen.putIfAbsent(r.key(), System.nanoTime());
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            }
        }, "listen-" + topic);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static KafkaConsumer<String, String> consumer(Stack stack) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        return new KafkaConsumer<>(p);
    }

    /** Queue N EngagementCreated events while ssat-service is down, start it, and time how fast it works through them. */
    /** The consumers of engagement-events whose catch-up is measured: -Dconsumers=ssat,task,catalog (the default: all three). */
    static List<Service> consumers() {
        return java.util.Arrays.stream(System.getProperty("consumers", "ssat,task,catalog").split(","))
                .map(c -> Service.valueOf(c.trim().toUpperCase().replace("RESOURCE-", ""))).toList();
    }

    /** Each consumer of engagement-events on its own: the backlog queued while it was down, then the rate it applies it at. */
    static void catchUp(int events, List<Service> consumers) throws Exception {
        for (Service s : consumers) {
            catchUp(events, s);
        }
    }

    static void catchUp(int events, Service consumer) throws Exception {
        System.out.printf("## backlog catch-up: %d EngagementCreated queued while %s-service is down%n", events, consumer.name().toLowerCase());
        try (Stack stack = Stack.start(EnumSet.of(consumer), Map.of())) {
            stack.stop(consumer);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
                for (int i = 0; i < events; i++) {
                    String id = UUID.randomUUID().toString();
                    ProducerRecord<String, String> r = new ProducerRecord<>(stack.topic("engagement-events"), id,
                            "{\"engagementId\":\"" + id + "\",\"partnerId\":\"" + PARTNER + "\",\"customerName\":\"Backlog " + i
                                    + "\",\"fastTrackManager\":\"fm@bench\",\"licenceCount\":100,\"enterprise\":false,"
                                    + "\"enrolledInAdoptionBenefit\":false,\"intendedServices\":[\"OD\",\"SPO\"]}");
                    header(r, "ce_specversion", "1.0");
                    header(r, "ce_id", UUID.randomUUID().toString());
                    header(r, "ce_type", "workshop.engagement.EngagementCreated.v1");
                    header(r, "ce_source", "/bench");
                    header(r, "ce_subject", id);
                    header(r, "ce_time", Instant.now().toString());
                    header(r, "content-type", "application/json");
                    producer.send(r);
                }
                producer.flush();
            }
            Instant t0 = Instant.now();
            stack.restart(consumer);
            Instant ready = Instant.now();
            long done = 0;
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(consumer), "postgres", "")) {
                Instant deadline = Instant.now().plusSeconds(600);
                while (done < events && Instant.now().isBefore(deadline)) {
                    TimeUnit.MILLISECONDS.sleep(250);
                    try (ResultSet rs = c.createStatement().executeQuery("select count(*) from inbox_event")) {
                        rs.next();
                        done = rs.getLong(1);
                    }
                }
            }
            double secs = Duration.between(ready, Instant.now()).toMillis() / 1000.0;
            System.out.printf("  processed %d of %d in %.1f s after ready (start took %.1f s) → %.0f events/s (target ≥ 5,000)%n",
                    done, events, secs, Duration.between(t0, ready).toMillis() / 1000.0, done / secs);
            // What the consumer wrote to its own outbox in reaction leaves too; its CPU per event counts both.
            long pending = -1;
            try (Connection c = DriverManager.getConnection(stack.jdbcUrl(consumer), "postgres", "")) {
                Instant deadline = Instant.now().plusSeconds(300);
                while (pending != 0 && Instant.now().isBefore(deadline)) {
                    try (ResultSet rs = c.createStatement().executeQuery("select count(*) from outbox_event where sent_at is null")) {
                        rs.next();
                        pending = rs.getLong(1);
                    }
                    if (pending != 0) {
                        TimeUnit.MILLISECONDS.sleep(250);
                    }
                }
            }
            double relayed = Duration.between(ready, Instant.now()).toMillis() / 1000.0;
            Map<String, Long> threads = Stack.cpuByThreadName(stack.pid(consumer));
            long applied = done;
            long total = threads.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder top = new StringBuilder();
            threads.entrySet().stream().limit(8).forEach(e -> top.append(String.format("%s %.0f µs, ", e.getKey(), e.getValue() * 1000.0 / applied)));
            System.out.printf("  its own events relayed %.1f s after ready (%d left); %s-service CPU %.0f µs per event since launch: %sthe rest %.0f µs%n",
                    relayed, pending, consumer.name().toLowerCase(), total * 1000.0 / done, top,
                    (total - threads.values().stream().limit(8).mapToLong(Long::longValue).sum()) * 1000.0 / done);
        }
    }

    private static void header(ProducerRecord<String, String> r, String k, String v) {
        r.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * CPU per engagement created, summed over the four services (utime + stime from /proc, which stays stable on a noisy
     * machine where rates do not): N engagements POSTed at a steady rate after a warm-up, counted until every consumer
     * has applied them (SSAT matrix, task 2536, catalog read model, task progress back in engagement-service).
     */
    static void cpuPerEngagement(int n, int rate) throws Exception {
        int warmup = Integer.getInteger("warmup", WRITE_WARMUP_SECONDS);
        int warmupRate = Integer.getInteger("warmupRate", WRITE_WARMUP_RATE);
        System.out.printf("## CPU per engagement created: %d POSTs at %d/s after a %d s warm-up at %d/s, until every consumer has applied them%n",
                n, rate, warmup, warmupRate);
        try (Stack stack = Stack.start(EnumSet.allOf(Service.class), Map.of("WRITE_RATE_LIMIT_PER_SECOND", "0"))) {
            Http http = new Http(stack.token(PARTNER, "fasttrack-manager"));
            String base = stack.url(Service.ENGAGEMENT) + "/api/v1/engagements";
            drive(http, base, warmupRate, warmup, new ConcurrentHashMap<>(), new AtomicLong());
            long target = awaitApplied(stack, 0, Duration.ofSeconds(300));
            TimeUnit.SECONDS.sleep(2);
            Map<Service, Long> before = new java.util.EnumMap<>(Service.class);
            Map<Service, Long> jitBefore = new java.util.EnumMap<>(Service.class);
            for (Service s : Service.values()) {
                before.put(s, cpuTicks(stack.pid(s)));
                jitBefore.put(s, jitTicks(stack.pid(s)));
            }
            long pgBefore = postgresTicks();
            Map<String, Long> sent = new ConcurrentHashMap<>();
            AtomicLong failures = new AtomicLong();
            drive(http, base, rate, n / rate, sent, failures);
            long created = sent.size();
            awaitApplied(stack, target + created, Duration.ofSeconds(120));
            double hz = 100.0;
            double total = 0;
            double jit = 0;
            StringBuilder per = new StringBuilder();
            for (Service s : Service.values()) {
                double ms = (cpuTicks(stack.pid(s)) - before.get(s)) * 1000.0 / hz / created;
                double jitMs = (jitTicks(stack.pid(s)) - jitBefore.get(s)) * 1000.0 / hz / created;
                total += ms;
                jit += jitMs;
                per.append(String.format("%s %.1f ms (JIT %.1f), ", s.name().toLowerCase(), ms, jitMs));
            }
            double pg = (postgresTicks() - pgBefore) * 1000.0 / hz / created;
            System.out.printf("  %d engagements created (%d failed): JVM CPU per engagement %s→ %.1f ms summed over the four services (target ≤ 10), "
                    + "of which the JIT compiling %.1f ms, i.e. %.1f ms without it; PostgreSQL %.1f ms%n", created, failures.get(), per, total, jit, total - jit, pg);
        }
    }

    /** Waits until every consumer has applied at least {@code atLeast} engagements; returns the count reached. */
    private static long awaitApplied(Stack stack, long atLeast, Duration limit) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        long engagements = 0;
        while (Instant.now().isBefore(deadline)) {
            engagements = count(stack, Service.ENGAGEMENT, "select count(*) from engagement");
            long min = Math.min(Math.min(count(stack, Service.SSAT, "select count(*) from ssat_matrix"),
                            count(stack, Service.TASK, "select count(*) from task_instance where ftop_task_id = 2536")),
                    Math.min(count(stack, Service.CATALOG, "select count(*) from engagement_read"),
                            count(stack, Service.ENGAGEMENT, "select count(*) from task_progress")));
            if (min >= Math.max(atLeast, engagements) && engagements >= atLeast) {
                return engagements;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("consumers did not apply " + atLeast + " engagements within " + limit);
    }

    private static long count(Stack stack, Service s, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(s), "postgres", ""); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** utime + stime of a process, in clock ticks (1/100 s). */
    static long cpuTicks(long pid) throws Exception {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** utime + stime of a process's JIT compiler threads (C1/C2), in clock ticks: a one-off cost, printed apart. */
    static long jitTicks(long pid) throws Exception {
        long sum = 0;
        try (var threads = java.nio.file.Files.list(java.nio.file.Path.of("/proc/" + pid + "/task"))) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) threads::iterator) {
                try {
                    if (java.nio.file.Files.readString(t.resolve("comm")).trim().matches("C[12] CompilerThre.*")) {
                        String stat = java.nio.file.Files.readString(t.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (Exception gone) {
                    // a compiler thread that ended meanwhile (the JVM starts and stops them as work comes)
                }
            }
        }
        return sum;
    }

    /** All postgres processes of this machine (the other databases are idle during a bench run). */
    static long postgresTicks() throws Exception {
        long sum = 0;
        try (var dirs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (java.nio.file.Path d : (Iterable<java.nio.file.Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if (java.nio.file.Files.readString(d.resolve("comm")).trim().equals("postgres")) {
                        sum += cpuTicks(Long.parseLong(name));
                    }
                } catch (Exception gone) {
                    // a backend that exited meanwhile
                }
            }
        }
        return sum;
    }
}
