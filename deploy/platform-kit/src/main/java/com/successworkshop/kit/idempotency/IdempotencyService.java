package com.successworkshop.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.successworkshop.kit.problem.Problem;
import com.successworkshop.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotency-Key on creating POSTs: the first response is stored in the same transaction as the record it
 * created, so a retry gets that response back and never makes a second record.
 */
@ApplicationScoped
public class IdempotencyService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** The stored (or new) outcome of a create: status, Location path, JSON body. */
    public record Outcome(int status, String location, String body, boolean replayed) {
    }

    public record Created(String location, Object body) {
    }

    @Transactional
    public Outcome create(String scope, String key, Object request, Supplier<Created> action) {
        if (key == null || key.isBlank()) {
            Created c = action.get();
            return new Outcome(201, c.location(), json(c.body()), false);
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "at most 200 characters");
        }
        String hash = sha256(json(request));
        Optional<Outcome> previous = find(scope, key, hash);
        if (previous.isPresent()) {
            return previous.get();
        }
        Created c = action.get();
        String body = json(c.body());
        // Synchronised on its own table: the use case's unit of work is flushed by the use case, not again ahead of this row.
        em.createNativeQuery("insert into idempotency_record(scope, idem_key, request_hash, status, location, body, created_at) "
                        + "values (:scope, :key, :hash, 201, :location, :body, now())")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("idempotency_record")
                .setParameter("scope", scope).setParameter("key", key).setParameter("hash", hash)
                .setParameter("location", c.location()).setParameter("body", body)
                .executeUpdate();
        return new Outcome(201, c.location(), body, false);
    }

    private Optional<Outcome> find(String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_hash, status, location, body from idempotency_record where scope = :scope and idem_key = :key")
                .setParameter("scope", scope).setParameter("key", key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Unprocessable Content",
                    "This Idempotency-Key was already used with a different request body"));
        }
        return Optional.of(new Outcome(((Number) row[1]).intValue(), (String) row[2], (String) row[3], true));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
