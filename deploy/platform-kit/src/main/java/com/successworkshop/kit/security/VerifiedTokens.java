package com.successworkshop.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.JsonWebToken;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bearer token verified once is not verified again on every request until it expires (at most
 * {@code workshop.security.token-cache.max-age}, 5 min): the RSA check and the parse were 17 % of a GET's CPU. Keyed by
 * the token's SHA-256, bounded by {@code workshop.security.token-cache.size} (10,000); only tokens that verified are
 * kept, so a forged one is checked (and refused) every time. Per JVM on purpose: a verification is the same on every
 * replica, so nothing needs sharing.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class VerifiedTokens implements JWTParser {

    record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final JWTParser delegate;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int maxSize;
    private final long maxAgeMillis;

    /** In front of smallrye-jwt's own parser (ArC lets no application decorator bind to a library bean). */
    @Inject
    public VerifiedTokens(DefaultJWTParser delegate) {
        this(delegate, ConfigProvider.getConfig().getOptionalValue("workshop.security.token-cache.size", Integer.class).orElse(10_000),
                ConfigProvider.getConfig().getOptionalValue("workshop.security.token-cache.max-age", Duration.class).orElse(Duration.ofMinutes(5)));
    }

    /** For the client proxy of an application-scoped bean. */
    protected VerifiedTokens() {
        this.delegate = null;
        this.maxSize = 0;
        this.maxAgeMillis = 0;
    }

    VerifiedTokens(JWTParser delegate, int maxSize, Duration maxAge) {
        this.delegate = delegate;
        this.maxSize = maxSize;
        this.maxAgeMillis = maxAge.toMillis();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (maxSize <= 0 || maxAgeMillis <= 0) {
            return delegate.parse(token);
        }
        long now = System.currentTimeMillis();
        String key = sha256(token);
        Verified hit = verified.get(key);
        if (hit != null && now < hit.validUntilMillis()) {
            return hit.token();
        }
        JsonWebToken jwt = delegate.parse(token);
        long expiresMillis = jwt.getExpirationTime() > 0 ? jwt.getExpirationTime() * 1000 : now;
        long until = Math.min(expiresMillis, now + maxAgeMillis);
        if (until > now) {
            if (verified.size() >= maxSize) {
                verified.values().removeIf(v -> v.validUntilMillis() <= now);
                if (verified.size() >= maxSize) {
                    verified.clear();
                }
            }
            verified.put(key, new Verified(jwt, until));
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }

    /** One digest per thread: looking the algorithm up was a tenth of a request's authentication. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    static String sha256(String token) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
