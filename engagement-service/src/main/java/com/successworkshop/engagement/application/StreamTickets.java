package com.successworkshop.engagement.application;

import com.successworkshop.engagement.repository.StreamTicketRepository;
import com.successworkshop.engagement.repository.StreamTicketRepository.Holder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A browser's EventSource cannot send a bearer token, and a long-lived token must not travel in a URL (logs, history):
 * the page exchanges its token for a ticket that opens one stream within a minute, on any replica.
 */
@ApplicationScoped
public class StreamTickets {

    public record Ticket(String ticket, Instant expiresAt) {
    }

    /** Who a redeemed ticket was issued to. */
    public record Grant(String partnerId, String subject, List<String> roles) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    StreamTicketRepository tickets;

    @ConfigProperty(name = "workshop.live-updates.ticket-ttl", defaultValue = "PT60S")
    Duration ttl;

    public Ticket issue(String partnerId, String subject, List<String> roles) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = Instant.now().plus(ttl);
        tickets.store(hash(ticket), new Holder(partnerId, subject, roles), expiresAt);
        return new Ticket(ticket, expiresAt);
    }

    public Optional<Grant> redeem(String ticket) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Optional.empty();
        }
        return tickets.redeem(hash(ticket)).map(h -> new Grant(h.partnerId(), h.subject(), h.roles()));
    }

    static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
