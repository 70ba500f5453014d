package com.successworkshop.harness;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services as processes, on real PostgreSQL and the running Kafka broker, with databases, topics,
 * consumer groups and ports of their own so that a running dev stack and other test runs are not disturbed.
 *
 * <p>A service may run as several instances (replicas), as in the production overlay: the same database and consumer
 * group, a port each. Instance 0 is the one the single-argument methods ({@link #url(Service)}, {@link #kill(Service)},
 * ...) mean; the others are addressed by their index.
 */
public final class Stack implements AutoCloseable {

    public enum Service {
        ENGAGEMENT("engagement-service", "engagement"),
        SSAT("ssat-service", "ssat"),
        TASK("task-service", "task"),
        CATALOG("resource-catalog-service", "catalog");

        final String module;
        final String db;

        Service(String module, String db) {
            this.module = module;
            this.db = db;
        }

        /** The service's module directory in the repository (its sources, its AsyncAPI document). */
        public String module() {
            return module;
        }
    }

    private static final String PG_HOST = System.getenv().getOrDefault("PGHOST", "127.0.0.1");
    private static final String PG_PORT = System.getenv().getOrDefault("PGPORT", "5432");
    private static final String PG_USER = System.getenv().getOrDefault("PGUSER", "postgres");
    private static final String ISSUER = "https://successworkshop.local";

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path root = Path.of(System.getProperty("project.root", "../..")).toAbsolutePath().normalize();
    private final Path workDir = root.resolve("deploy/system-tests/target/stack-" + run);
    /** One process of a service: index 0 is the first (and usually only) instance. */
    private record Instance(Service service, int index) {
        String log() {
            return service.module + (index == 0 ? "" : "-" + (index + 1)) + ".log";
        }

        String name() {
            return service.module + (index == 0 ? "" : " #" + (index + 1));
        }
    }

    private final Map<Instance, Integer> ports = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Instance, Process> processes = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Service> databases = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<Service, Integer> replicas = new LinkedHashMap<>();
    private final Map<Service, Duration> startup = new LinkedHashMap<>();
    private KeyPair keys;

    public static Stack start() throws Exception {
        return start(EnumSet.allOf(Service.class), Map.of());
    }

    /** Starts the given services; extraEnv is added to every service's environment (e.g. heap flags for a benchmark). */
    public static Stack start(Set<Service> services, Map<String, String> extraEnv) throws Exception {
        return start(services, extraEnv, Map.of());
    }

    /**
     * As {@link #start(Set, Map)}, with environment for single services on top (e.g. one service reaching the broker
     * through a proxy that a fault test can cut).
     */
    public static Stack start(Set<Service> services, Map<String, String> extraEnv, Map<Service, Map<String, String>> serviceEnv) throws Exception {
        return start(services, extraEnv, serviceEnv, 1);
    }

    /**
     * As {@link #start(Set, Map, Map)} with {@code replicas} instances of every service, all launched at once (as a
     * rollout does): one database and one consumer group per service, a port per instance.
     */
    public static Stack start(Set<Service> services, Map<String, String> extraEnv, Map<Service, Map<String, String>> serviceEnv,
            int replicas) throws Exception {
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be at least 1: " + replicas);
        }
        Stack s = new Stack();
        s.extraEnv.putAll(extraEnv);
        s.serviceEnv.putAll(serviceEnv);
        for (Service service : services) {
            s.replicas.put(service, replicas);
        }
        s.boot(services);
        return s;
    }

    /** How many instances of a service this stack started (running or not). */
    public int replicas(Service s) {
        return replicas.getOrDefault(s, 0);
    }

    /** Kills one service with SIGKILL (no shutdown hooks, no graceful close) and waits until it is gone. */
    public void kill(Service s) throws Exception {
        kill(s, 0);
    }

    /** Kills instance {@code index} of a service with SIGKILL and waits until it is gone. */
    public void kill(Service s, int index) throws Exception {
        Instance i = new Instance(s, index);
        Process p = processes.remove(i);
        if (p != null) {
            p.destroyForcibly();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(i.name() + " did not die after SIGKILL");
            }
        }
    }

    public long pid(Service s) {
        return pid(s, 0);
    }

    public long pid(Service s, int index) {
        return processes.get(new Instance(s, index)).pid();
    }

    /** Whether instance {@code index} of a service is running (started and neither killed nor stopped). */
    public boolean running(Service s, int index) {
        Process p = processes.get(new Instance(s, index));
        return p != null && p.isAlive();
    }

    /** The base URLs of the running instances of every service, e.g. to check that each is ready. */
    public Map<String, String> runningUrls() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Service, Integer> e : replicas.entrySet()) {
            for (int i = 0; i < e.getValue(); i++) {
                if (running(e.getKey(), i)) {
                    out.put(new Instance(e.getKey(), i).name(), url(e.getKey(), i));
                }
            }
        }
        return out;
    }

    /** Resident set size of a service's JVM, from /proc. */
    public long rssKb(Service s) throws IOException {
        return rssKb(pid(s));
    }

    /**
     * CPU each kind of thread of a process has used so far, ms: the main thread (where Quarkus starts), the JIT's C1 and
     * C2 compiler threads, and all others — the start-up figure's "where did it go".
     */
    public static Map<String, Long> cpuByThread(long pid) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>(Map.of("main", 0L, "C1", 0L, "C2", 0L, "other", 0L));
        // The launcher's thread, and the one it runs main() in, keep the process' name; the JVM names all others.
        threadCpu(pid, (name, ms) -> out.merge(name.equals("java") ? "main" : name.startsWith("C1 Compiler") ? "C1"
                : name.startsWith("C2 Compiler") ? "C2" : "other", ms, Long::sum));
        return out;
    }

    /**
     * CPU (ms) of a process by thread name, digits folded ("vert.x-worker-thread-3" counts as "vert.x-worker-thread-#"), so
     * that what a pool of threads spent shows as one line (the JIT's as "C1 compiler" and "C2 compiler"); highest first.
     */
    public static Map<String, Long> cpuByThreadName(long pid) throws IOException {
        Map<String, Long> out = new java.util.HashMap<>();
        threadCpu(pid, (name, ms) -> out.merge(name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")
                ? name.substring(0, 2) + " compiler" : name.replaceAll("[0-9]+", "#"), ms, Long::sum));
        Map<String, Long> sorted = new LinkedHashMap<>();
        out.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Each live thread's name (as Linux keeps it: 15 characters) and CPU so far (utime + stime, ms), from /proc. */
    private static void threadCpu(long pid, java.util.function.BiConsumer<String, Long> each) throws IOException {
        long tick = 10; // USER_HZ: 100 on Linux
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                each.accept(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * tick);
            }
        }
    }

    /** A process's resident set (VmRSS), in kB; -1 when /proc does not say. */
    public static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    public String jdbcUrl(Service s) {
        return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/sys_" + run + "_" + s.db;
    }

    public String kafkaBootstrap() {
        return System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    }

    /** Stops one service (SIGTERM, graceful shutdown) and waits for it. */
    public void stop(Service s) throws InterruptedException {
        Process p = processes.remove(new Instance(s, 0));
        if (p != null) {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    /** Starts (again) one service on its port and database, and waits until it is ready. */
    public void restart(Service s) throws Exception {
        restart(s, 0);
    }

    /** Starts (again) instance {@code index} of a service on its port and the service's database, and waits until it is ready. */
    public void restart(Service s, int index) throws Exception {
        Instance i = new Instance(s, index);
        launch(i);
        awaitReady(i, Instant.now(), Duration.ofSeconds(120));
    }

    /**
     * Kills instance {@code index} (if running) and starts it again with {@code env} on top of its service's environment
     * (e.g. reaching the broker through a proxy that a test can cut, while the other instances do not), until it is ready.
     */
    public void restart(Service s, int index, Map<String, String> env) throws Exception {
        kill(s, index);
        instanceEnv.put(new Instance(s, index), Map.copyOf(env));
        restart(s, index);
    }

    public String url(Service s) {
        return url(s, 0);
    }

    public String url(Service s, int index) {
        Integer port = ports.get(new Instance(s, index));
        if (port == null) {
            throw new IllegalArgumentException(new Instance(s, index).name() + " is not part of this stack");
        }
        return "http://127.0.0.1:" + port;
    }

    public Map<Service, Duration> startupTimes() {
        return startup;
    }

    /** The consumer group of every instance of a service. */
    public String consumerGroup(Service s) {
        return s.module + "-sys-" + run;
    }

    public String topic(String name) {
        return name + "-sys-" + run;
    }

    private final Map<String, String> extraEnv = new LinkedHashMap<>();
    private final Map<Service, Map<String, String>> serviceEnv = new LinkedHashMap<>();
    private final Map<Instance, Map<String, String>> instanceEnv = new java.util.concurrent.ConcurrentHashMap<>();
    private Path publicKey;

    private void boot(Set<Service> services) throws Exception {
        Files.createDirectories(workDir);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        keys = gen.generateKeyPair();
        publicKey = workDir.resolve("publicKey.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Map<Instance, Instant> launched = new LinkedHashMap<>();
        for (Service s : services) {
            admin("create database sys_" + run + "_" + s.db);
            databases.add(s);
        }
        for (Service s : services) {
            for (int index = 0; index < replicas(s); index++) {
                Instance i = new Instance(s, index);
                ports.put(i, freePort());
                launched.put(i, Instant.now());
                launch(i);
            }
        }
        // Instances launched together share the machine's cores while they start: more of them may each take longer.
        Duration limit = Duration.ofSeconds(Math.max(120, 30L * launched.size()));
        for (Map.Entry<Instance, Instant> e : launched.entrySet()) {
            awaitReady(e.getKey(), e.getValue(), limit);
        }
    }

    private void launch(Instance i) throws Exception {
        Service s = i.service();
        String db = "sys_" + run + "_" + s.db;
        Path jar = root.resolve(s.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn package)");
        }
        List<String> command = javaCommand(jar);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(i.log()).toFile()));
        Map<String, String> env = pb.environment();
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("HTTP_PORT", String.valueOf(ports.get(i)));
        env.put("DB_URL", "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + db);
        env.put("DB_USER", PG_USER);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
        env.put("JWT_PUBLIC_KEY_LOCATION", publicKey.toString());
        env.put("JWT_ISSUER", ISSUER);
        // Every instance of a service in one consumer group: the partitions are shared out between them.
        env.put("KAFKA_GROUP_ID", consumerGroup(s));
        env.put("ENGAGEMENT_TOPIC", topic("engagement-events"));
        env.put("SSAT_TOPIC", topic("ssat-events"));
        env.put("TASK_TOPIC", topic("task-events"));
        env.put("RESOURCE_TOPIC", topic("resource-events"));
        env.put("ENGAGEMENT_DLQ_TOPIC", topic("engagement-events." + s.module + ".dlq"));
        env.put("SSAT_DLQ_TOPIC", topic("ssat-events." + s.module + ".dlq"));
        env.put("TASK_DLQ_TOPIC", topic("task-events." + s.module + ".dlq"));
        env.put("RESOURCE_DLQ_TOPIC", topic("resource-events." + s.module + ".dlq"));
        env.putAll(extraEnv);
        env.putAll(serviceEnv.getOrDefault(s, Map.of()));
        env.putAll(instanceEnv.getOrDefault(i, Map.of()));
        processes.put(i, pb.start());
    }

    private void awaitReady(Instance i, Instant launchedAt, Duration limit) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(limit);
        int relaunches = 0;
        while (true) {
            if (!processes.get(i).isAlive()) {
                if (relaunches++ == 3 || !Files.readString(workDir.resolve(i.log())).contains("seems to be in use by another process")) {
                    throw new IllegalStateException(i.name() + " exited; see " + workDir.resolve(i.log()));
                }
                // Another process took the port between our choosing it and the service binding it: choose again.
                ports.put(i, freePort());
                launch(i);
                continue;
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url(i.service(), i.index()) + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    if (i.index() == 0) {
                        startup.put(i.service(), Duration.between(launchedAt, Instant.now()));
                    }
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(i.name() + " not ready after " + limit.toSeconds() + " s; see " + workDir.resolve(i.log()));
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** A bearer token signed with this stack's key, as the organisation's OIDC provider would issue it. */
    public String token(String partnerId, String... roles) {
        try {
            long now = Instant.now().getEpochSecond();
            List<String> quoted = new ArrayList<>();
            for (String r : roles) {
                quoted.add("\"" + r + "\"");
            }
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
            String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"fm@" + partnerId + "\",\"upn\":\"fm@" + partnerId + "\",\"groups\":["
                    + String.join(",", quoted) + "],\"partner_id\":\"" + partnerId + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}";
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String unsigned = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature sig = Signature.getInstance("SHA256withRSA");
            sig.initSign(keys.getPrivate());
            sig.update(unsigned.getBytes(StandardCharsets.UTF_8));
            return unsigned + "." + b64.encodeToString(sig.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        for (Service s : databases) {
            admin("drop database if exists sys_" + run + "_" + s.db + " with (force)");
        }
    }

    private static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres", PG_USER, "")) {
            c.createStatement().execute(sql);
        }
    }

    /** The services' JVM and flags for a packaged Quarkus jar (also the benchmarks' bare reference app: same flags). */
    public static List<String> javaCommand(Path jar) {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(serviceJvmOptions());
        // Flags a caller adds for its own kind of run (the system tests' short-lived stacks), after the services' own.
        command.addAll(flags(System.getProperty("stack.extra-jvm-options", "")));
        Path aot = jar.resolveSibling("app.aot");
        Path cds = jar.resolveSibling("app-cds.jsa");
        if (Files.exists(aot) && newer(aot, jar)) {
            // Java 25's AOT cache from deploy/stack.sh's training run of this jar (deploy/stack.sh train), when present.
            command.addAll(List.of("-XX:AOTCache=" + aot, "-Xlog:aot=off", "-Xlog:cds=off"));
        } else if (Files.exists(cds)) {
            // The AppCDS archive deploy/stack.sh builds (mvn package -Dquarkus.package.jar.appcds.enabled=true), when present.
            command.addAll(List.of("-XX:SharedArchiveFile=" + cds, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    /**
     * The services' JVM flags: deploy/service-jvm.options (what deploy/stack.sh uses too), or SERVICE_JAVA_OPTS when set,
     * so that a benchmark compares flags by changing one variable.
     */
    public static List<String> serviceJvmOptions() {
        String override = System.getenv("SERVICE_JAVA_OPTS");
        if (override != null && !override.isBlank()) {
            return flags(override);
        }
        return optionsFile("deploy/service-jvm.options");
    }

    /** The flags an AOT cache's training run adds to the services' own (deploy/aot-training.options, which deploy/stack.sh reads too). */
    public static List<String> aotTrainingOptions() {
        return optionsFile("deploy/aot-training.options");
    }

    private static List<String> optionsFile(String path) {
        Path file = Path.of(System.getProperty("project.root", "../..")).resolve(path);
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.strip().startsWith("#")).flatMap(l -> flags(l).stream()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("JVM flags are read from " + file, e);
        }
    }

    /** JVM flags written on one line, separated by white space (none for a blank line). */
    private static List<String> flags(String line) {
        return java.util.Arrays.stream(line.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    /** A cache trained on an older build of the jar would be refused by the JVM anyway. */
    private static boolean newer(Path a, Path b) {
        try {
            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Ports this JVM has handed out: the kernel may give a just-closed port 0 again, and two instances then share one. */
    private static final Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0)) {
                if (HANDED_OUT.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }
}
