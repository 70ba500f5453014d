package com.successworkshop.catalog.linkcheck;

import com.successworkshop.catalog.domain.AddressPolicy;
import com.successworkshop.kit.domain.DomainException;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one address: HEAD, GET when the server answers 405/501 to HEAD. Redirects are followed by hand so that every hop
 * passes the SSRF guard: no hop may go to a private, loopback, link-local or otherwise internal address.
 */
public class LinkChecker {

    public record Result(Integer httpStatus, String error) {
        public boolean ok() {
            return error == null && httpStatus != null && httpStatus < 400;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int maxRedirects;
    private final Set<String> allowedPrivateHosts;

    public LinkChecker(Duration timeout, int maxRedirects, Set<String> allowedPrivateHosts) {
        this.timeout = timeout;
        this.maxRedirects = maxRedirects;
        this.allowedPrivateHosts = allowedPrivateHosts;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    public Result check(String address) {
        URI uri;
        try {
            uri = URI.create(AddressPolicy.validate(address, "address"));
        } catch (DomainException.InvalidInput | IllegalArgumentException e) {
            return new Result(null, "not an absolute http(s) URL");
        }
        Integer lastStatus = null;
        for (int hop = 0; hop <= maxRedirects; hop++) {
            Optional<String> blocked = guard(uri);
            if (blocked.isPresent()) {
                return new Result(lastStatus, (hop == 0 ? "" : "redirect blocked: ") + blocked.get());
            }
            HttpResponse<Void> response;
            try {
                response = send(uri, "HEAD");
                if (response.statusCode() == 405 || response.statusCode() == 501) {
                    response = send(uri, "GET");
                }
            } catch (HttpTimeoutException e) {
                return new Result(null, "timed out after " + timeout.toMillis() + " ms");
            } catch (IOException e) {
                return new Result(null, "unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(null, "interrupted");
            }
            lastStatus = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (lastStatus < 300 || lastStatus >= 400 || location.isEmpty()) {
                return new Result(lastStatus, null);
            }
            try {
                uri = URI.create(AddressPolicy.validate(uri.resolve(location.get().trim()).toString(), "Location"));
            } catch (DomainException.InvalidInput | IllegalArgumentException e) {
                return new Result(lastStatus, "redirect to a non-http(s) address not followed");
            }
        }
        return new Result(lastStatus, "more than " + maxRedirects + " redirects");
    }

    private HttpResponse<Void> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(timeout)
                .header("User-Agent", "resource-catalog-service link checker")
                .build();
        return client.send(request, HttpResponse.BodyHandlers.discarding());
    }

    /** Empty when the host may be contacted; otherwise why not. */
    Optional<String> guard(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowedPrivateHosts.contains(host)) {
            return Optional.empty();
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (internal(a)) {
                    return Optional.of(host + " resolves to the private address " + a.getHostAddress());
                }
            }
        } catch (UnknownHostException e) {
            return Optional.of("unknown host " + host);
        }
        return Optional.empty();
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT 100.64/10
                || (first == 198 && (second == 18 || second == 19)); // benchmarking 198.18/15
    }
}
