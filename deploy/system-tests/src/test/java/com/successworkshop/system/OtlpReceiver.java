package com.successworkshop.system;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * A test trace exporter: an OTLP/HTTP (protobuf) endpoint on loopback that records, per trace id, the services whose
 * spans arrived. It decodes only the few protobuf fields it needs (ExportTraceServiceRequest → ResourceSpans →
 * resource attribute service.name, ScopeSpans → Span.trace_id), so no OpenTelemetry proto library is needed.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Set<String>> servicesByTrace = new ConcurrentHashMap<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                record(in.readAllBytes());
            } catch (RuntimeException e) {
                // a body we cannot read is simply not recorded
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    Set<String> services(String traceId) {
        return servicesByTrace.getOrDefault(traceId, Set.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void record(byte[] request) {
        for (byte[] resourceSpans : fields(request, 1)) {
            String service = "unknown";
            for (byte[] resource : fields(resourceSpans, 1)) {
                for (byte[] attribute : fields(resource, 1)) {
                    List<byte[]> key = fields(attribute, 1);
                    if (!key.isEmpty() && "service.name".equals(new String(key.get(0), StandardCharsets.UTF_8))) {
                        service = new String(fields(fields(attribute, 2).get(0), 1).get(0), StandardCharsets.UTF_8);
                    }
                }
            }
            for (byte[] scopeSpans : fields(resourceSpans, 2)) {
                for (byte[] span : fields(scopeSpans, 2)) {
                    String traceId = HexFormat.of().formatHex(fields(span, 1).get(0));
                    servicesByTrace.computeIfAbsent(traceId, k -> ConcurrentHashMap.newKeySet()).add(service);
                }
            }
        }
    }

    /** The length-delimited values of one field number in a protobuf message (other wire types are skipped). */
    private static List<byte[]> fields(byte[] message, int number) {
        List<byte[]> values = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < message.length) {
            long tag = varint(message, pos);
            int field = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> varint(message, pos);
                case 1 -> pos[0] += 8;
                case 5 -> pos[0] += 4;
                case 2 -> {
                    int length = (int) varint(message, pos);
                    if (field == number) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
                        out.write(message, pos[0], length);
                        values.add(out.toByteArray());
                    }
                    pos[0] += length;
                }
                default -> throw new IllegalArgumentException("unsupported wire type in OTLP message");
            }
        }
        return values;
    }

    private static long varint(byte[] b, int[] pos) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte x = b[pos[0]++];
            value |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return value;
            }
        }
    }
}
