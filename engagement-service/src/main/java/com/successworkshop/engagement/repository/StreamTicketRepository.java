package com.successworkshop.engagement.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stream tickets in this service's database, so that a ticket issued by one replica opens a stream on any other. */
@ApplicationScoped
public class StreamTicketRepository {

    public record Holder(String partnerId, String subject, List<String> roles) {
    }

    @Inject
    AgroalDataSource dataSource;

    public void store(String hash, Holder holder, Instant expiresAt) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement prune = c.prepareStatement("delete from stream_ticket where expires_at < now()")) {
                prune.executeUpdate();
            }
            try (PreparedStatement q = c.prepareStatement(
                    "insert into stream_ticket (ticket_hash, partner_id, subject, roles, expires_at) values (?, ?, ?, ?, ?)")) {
                q.setString(1, hash);
                q.setString(2, holder.partnerId());
                q.setString(3, holder.subject());
                q.setString(4, String.join(",", holder.roles()));
                q.setTimestamp(5, Timestamp.from(expiresAt));
                q.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes the ticket and returns who it was for, if it existed and had not expired: a ticket opens one stream. */
    public Optional<Holder> redeem(String hash) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "delete from stream_ticket where ticket_hash = ? returning partner_id, subject, roles, expires_at > now()")) {
            q.setString(1, hash);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(4)) {
                    return Optional.empty();
                }
                return Optional.of(new Holder(rs.getString(1), rs.getString(2), List.of(rs.getString(3).split(","))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
