package com.successworkshop.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A verified token is verified once until it expires; a refused one every time; the cache stays bounded. */
class VerifiedTokensTest {

    /** Stands in for the RSA check: counts the verifications, refuses "forged", expires tokens as told. */
    static class Verifier extends DefaultJWTParser {
        final Map<String, Integer> calls = new HashMap<>();
        final Map<String, Long> expiry = new HashMap<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            calls.merge(token, 1, Integer::sum);
            if (token.startsWith("forged")) {
                throw new ParseException("signature does not verify");
            }
            long exp = expiry.getOrDefault(token, System.currentTimeMillis() / 1000 + 3600);
            return (JsonWebToken) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{JsonWebToken.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "getExpirationTime" -> exp;
                        case "getName" -> token;
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == a[0];
                        default -> null;
                    });
        }
    }

    @Test
    void aTokenIsVerifiedOnceUntilItExpires() throws Exception {
        Verifier verifier = new Verifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5));
        JsonWebToken first = tokens.parse("fm-of-contoso");
        assertSame(first, tokens.parse("fm-of-contoso"));
        assertEquals(1, verifier.calls.get("fm-of-contoso"));

        verifier.expiry.put("expired", System.currentTimeMillis() / 1000 - 1);
        tokens.parse("expired");
        tokens.parse("expired");
        assertEquals(2, verifier.calls.get("expired"), "an expired token is never served from the cache");
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        Verifier verifier = new Verifier();
        VerifiedTokens tokens = new VerifiedTokens(verifier, 100, Duration.ofMinutes(5));
        assertThrows(ParseException.class, () -> tokens.parse("forged-1"));
        assertThrows(ParseException.class, () -> tokens.parse("forged-1"));
        assertEquals(2, verifier.calls.get("forged-1"));
    }

    @Test
    void theCacheStaysBounded() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(new Verifier(), 10, Duration.ofMinutes(5));
        for (int i = 0; i < 25; i++) {
            tokens.parse("token-" + i);
        }
        assertEquals(true, tokens.size() <= 10, "size " + tokens.size());
    }
}
