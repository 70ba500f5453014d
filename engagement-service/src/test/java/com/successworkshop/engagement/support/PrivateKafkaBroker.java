package com.successworkshop.engagement.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Kafka broker of this test's own (same official jars as the stack, own ports and data) that a test may stop and
 * start again, so that an outage test never disturbs the shared broker other test runs use.
 */
public class PrivateKafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static PrivateKafkaBroker current;

    private Path dir;
    private int port;
    private int controllerPort;
    private Process process;

    public static PrivateKafkaBroker current() {
        return current;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("private-kafka-");
            port = freePort();
            controllerPort = freePort();
            String template = Files.readString(Path.of(System.getProperty("kafka.config.template")));
            Files.writeString(dir.resolve("server.properties"), template
                    .replace("@KAFKA_PORT@", String.valueOf(port))
                    .replace("@CONTROLLER_PORT@", String.valueOf(controllerPort))
                    .replace("@DATA_DIR@", dir.resolve("data").toString()));
            Files.createDirectories(dir.resolve("logs"));
            run("kafka.tools.StorageTool", "format", "-t", "q1Kx3cQ2Rz2nH1Ykq0w3Yg", "-c", dir.resolve("server.properties").toString())
                    .waitFor();
            startBroker();
            current = this;
            return Map.of("kafka.bootstrap.servers", bootstrap());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Could not start a private Kafka broker from " + System.getProperty("kafka.lib.dir"), e);
        }
    }

    public void startBroker() throws IOException {
        process = run("kafka.Kafka", dir.resolve("server.properties").toString());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!listening()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IllegalStateException("private Kafka broker did not start; see " + dir.resolve("logs"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public void stopBroker() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void stop() {
        try {
            stopBroker();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current = null;
    }

    private boolean listening() {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Process run(String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-Dkafka.logs.dir=" + dir.resolve("logs"),
                "-Dlog4j2.configurationFile=" + Path.of(System.getProperty("kafka.config.template")).resolveSibling("log4j2.properties"),
                "-cp", System.getProperty("kafka.lib.dir") + "/*", mainClass));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("logs").resolve("process.log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
