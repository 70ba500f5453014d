package com.successworkshop.catalog.domain;

import com.successworkshop.kit.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A resource address is an absolute http(s) URL of at most 2 KB: no javascript:, data:, relative or credential-bearing links. */
public final class AddressPolicy {

    public static final int MAX_BYTES = 2048;

    private AddressPolicy() {
    }

    /** Returns the address trimmed, or throws a 400 naming {@code field}. */
    public static String validate(String address, String field) {
        if (address == null || address.isBlank()) {
            throw ProblemException.invalid(field, "must not be blank");
        }
        String a = address.trim();
        if (a.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ProblemException.invalid(field, "must be at most " + MAX_BYTES + " bytes");
        }
        if (a.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw ProblemException.invalid(field, "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(a);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid(field, "is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute()) {
            throw ProblemException.invalid(field, "must be an absolute URL starting with https:// or http://");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw ProblemException.invalid(field, "scheme '" + uri.getScheme() + "' is not allowed; only http and https are");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalid(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid(field, "must not carry a user name or password");
        }
        return a;
    }
}
