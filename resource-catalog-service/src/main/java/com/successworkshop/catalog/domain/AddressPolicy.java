package com.successworkshop.catalog.domain;

import com.successworkshop.kit.domain.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A resource address is an absolute http(s) URL of at most 2 KB: no javascript:, data:, relative or credential-bearing links. */
public final class AddressPolicy {

    public static final int MAX_BYTES = 2048;

    private AddressPolicy() {
    }

    /** Returns the address trimmed, or throws invalid input naming {@code field}. */
    public static String validate(String address, String field) {
        if (address == null || address.isBlank()) {
            throw DomainException.invalid(field, "must not be blank");
        }
        String a = address.trim();
        if (a.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw DomainException.invalid(field, "must be at most " + MAX_BYTES + " bytes");
        }
        if (a.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            throw DomainException.invalid(field, "must not contain spaces or control characters");
        }
        URI uri;
        try {
            uri = new URI(a);
        } catch (URISyntaxException e) {
            throw DomainException.invalid(field, "is not a valid URL: " + e.getReason());
        }
        if (!uri.isAbsolute()) {
            throw DomainException.invalid(field, "must be an absolute URL starting with https:// or http://");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw DomainException.invalid(field, "scheme '" + uri.getScheme() + "' is not allowed; only http and https are");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw DomainException.invalid(field, "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw DomainException.invalid(field, "must not carry a user name or password");
        }
        return a;
    }
}
