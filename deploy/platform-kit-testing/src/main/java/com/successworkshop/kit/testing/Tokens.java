package com.successworkshop.kit.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed with the test key, as the organisation's OIDC provider would issue them. */
public final class Tokens {

    private Tokens() {
    }

    public static String of(String partnerId, String... roles) {
        return Jwt.issuer("https://successworkshop.local")
                .upn("fm@" + partnerId + ".example")
                .groups(Set.of(roles))
                .claim("partner_id", partnerId)
                .expiresIn(3600)
                .sign();
    }

    public static String manager(String partnerId) {
        return of(partnerId, "fasttrack-manager");
    }
}
