package com.successworkshop.kit.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A partner's role (FastTrack Manager, partner viewer) means nothing without the partner: such a token without a
 * {@code partner_id} claim is refused with 403 before any use case runs, since the partner filter would only show it an
 * empty world. Checked once here rather than by every query.
 */
public class PartnerRequired {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;

    @ServerRequestFilter
    public void requirePartner() {
        if (identity.isAnonymous() || !(identity.hasRole(Roles.FASTTRACK_MANAGER) || identity.hasRole(Roles.PARTNER_VIEWER))) {
            return;
        }
        if (CurrentPartner.of(jwt) == null) {
            throw CurrentPartner.noPartner();
        }
    }
}
