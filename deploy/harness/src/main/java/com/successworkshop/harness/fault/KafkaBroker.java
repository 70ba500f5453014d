package com.successworkshop.harness.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker of the caller's own (the official jars from deploy/kafka/target/lib, own ports, own data directory)
 * that a fault test may stop and start again; the shared broker other runs use is never touched.
 *
 * <p>Besides its plain listener it has a second one, {@code PROXIED}, whose advertised address is a port the caller
 * chooses (a {@link TcpProxy} in front of {@link #proxiedTarget()}): a client bootstrapped on that port is told to
 * come back through the proxy for every connection, so cutting the proxy cuts that client, and only that client, off
 * the broker.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path libDir;
    private final Path template;
    private final Path dir;
    private final int port;
    private final int proxiedPort;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path libDir, Path template, int proxyPort) throws IOException {
        this.libDir = libDir;
        this.template = template;
        this.dir = Files.createTempDirectory("fault-kafka-");
        this.port = freePort();
        this.proxiedPort = freePort();
        this.controllerPort = freePort();
        String props = Files.readString(template)
                .replace("@KAFKA_PORT@", String.valueOf(port))
                .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort))
                .replace("@DATA_DIR@", dir.resolve("data").toString());
        List<String> lines = new ArrayList<>();
        for (String line : props.split("\n")) {
            if (line.startsWith("listeners=")) {
                line = "listeners=PLAINTEXT://127.0.0.1:" + port + ",PROXIED://127.0.0.1:" + proxiedPort + ",CONTROLLER://127.0.0.1:" + controllerPort;
            } else if (line.startsWith("advertised.listeners=")) {
                line = "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + ",PROXIED://127.0.0.1:" + proxyPort;
            } else if (line.startsWith("listener.security.protocol.map=")) {
                line = "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,PROXIED:PLAINTEXT";
            }
            lines.add(line);
        }
        Files.writeString(dir.resolve("server.properties"), String.join("\n", lines) + "\n");
        Files.createDirectories(dir.resolve("logs"));
    }

    /**
     * Formats and starts a broker. {@code proxyPort} is the address advertised for the PROXIED listener.
     * The jars and template come from the system properties {@code kafka.lib.dir} and {@code kafka.config.template}.
     */
    public static KafkaBroker start(int proxyPort) throws Exception {
        Path lib = Path.of(System.getProperty("kafka.lib.dir", "../kafka/target/lib"));
        Path template = Path.of(System.getProperty("kafka.config.template", "../kafka/server.properties.template"));
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build deploy/kafka (mvn -pl deploy/kafka package) first");
        }
        KafkaBroker b = new KafkaBroker(lib, template, proxyPort);
        Process format = b.run("kafka.tools.StorageTool", "format", "-t", "q1Kx3cQ2Rz2nH1Ykq0w3Yg", "-c", b.dir.resolve("server.properties").toString());
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("kafka storage format failed; see " + b.dir.resolve("logs"));
        }
        b.startBroker();
        return b;
    }

    /** The plain listener: clients bootstrapped here talk to the broker directly. */
    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Where the proxy must forward to: the PROXIED listener. */
    public int proxiedTarget() {
        return proxiedPort;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    public void startBroker() throws Exception {
        process = run("kafka.Kafka", dir.resolve("server.properties").toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!listening(port) || !listening(proxiedPort)) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("private Kafka broker did not start; see " + dir.resolve("logs"));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** Stops the broker (SIGTERM, controlled shutdown) and waits for it. */
    public void stopBroker() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopBroker();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process run(String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dkafka.logs.dir=" + dir.resolve("logs"),
                "-Dlog4j2.configurationFile=" + template.resolveSibling("log4j2.properties"),
                "-cp", libDir + "/*", mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs").resolve("process.log").toFile())).start();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
