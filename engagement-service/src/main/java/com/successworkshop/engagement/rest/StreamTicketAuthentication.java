package com.successworkshop.engagement.rest;

import com.successworkshop.engagement.application.StreamTickets;
import com.successworkshop.kit.security.CurrentPartner;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jwt.JwtClaims;

import java.util.Set;

/**
 * Opens a live stream (GET …/events) for a {@code ?ticket=} from {@code POST /api/v1/engagements/events/tickets}: the
 * ticket becomes the same kind of identity a bearer token gives (a JsonWebToken principal with the partner and roles
 * it was issued to), so the stream's role check and partner scoping apply unchanged. Anything else is left to JWT,
 * including a request that sends an Authorization header: the header is the credential, a ticket beside it is ignored.
 */
@ApplicationScoped
public class StreamTicketAuthentication implements HttpAuthenticationMechanism {

    static final String PARAMETER = "ticket";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String ticket = context.request().getParam(PARAMETER);
        if (ticket == null || context.request().getHeader("Authorization") != null
                || context.request().method() != HttpMethod.GET || !context.request().path().endsWith("/events")) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new TicketRequest(ticket));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TicketRequest.class);
    }

    public static final class TicketRequest extends BaseAuthenticationRequest {
        final String ticket;

        TicketRequest(String ticket) {
            this.ticket = ticket;
        }
    }

    /** Redeems the ticket (a database delete, so off the event loop); an unknown, used or expired one → 401. */
    @ApplicationScoped
    public static class TicketIdentities implements IdentityProvider<TicketRequest> {

        @Inject
        StreamTickets tickets;

        @Override
        public Class<TicketRequest> getRequestType() {
            return TicketRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TicketRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> tickets.redeem(request.ticket).map(holder -> {
                JwtClaims claims = new JwtClaims();
                claims.setSubject(holder.subject());
                claims.setClaim("upn", holder.subject());
                claims.setStringListClaim("groups", holder.roles());
                claims.setClaim(CurrentPartner.CLAIM, holder.partnerId());
                return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                        .addRoles(Set.copyOf(holder.roles()))
                        .build();
            }).orElseThrow(() -> new io.quarkus.security.AuthenticationFailedException("The stream ticket is unknown, used or expired")));
        }
    }
}
