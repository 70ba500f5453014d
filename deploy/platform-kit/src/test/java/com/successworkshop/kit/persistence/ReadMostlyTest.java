package com.successworkshop.kit.persistence;

import com.successworkshop.kit.KitTestInfra;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows kept in memory are read again exactly when a write (here: another transaction, as another replica's) changed them. */
@QuarkusTest
@QuarkusTestResource(value = KitTestInfra.class, restrictToAnnotatedClass = true)
class ReadMostlyTest {

    @Inject
    EntityManager em;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final AtomicInteger loads = new AtomicInteger();
    final ReadMostly<String> notes = new ReadMostly<>("kit_note", "select count(*), coalesce(max(text), '') from kit_note where text like '" + run + "%'",
            session -> {
                loads.incrementAndGet();
                return session.createQuery("select n.text from KitNote n where n.text like :r order by n.text", String.class)
                        .setParameter("r", run + "%").getResultList();
            });

    @Test
    void unchangedRowsComeFromMemoryAndAnotherWritersRowIsSeenAtTheNextRead() {
        write(run + " a");
        List<String> first = read();
        assertEquals(List.of(run + " a"), first);
        assertSame(first, read(), "nothing changed: the same rows, not loaded again");
        assertEquals(1, loads.get());

        write(run + " b");
        assertEquals(List.of(run + " a", run + " b"), read());
        assertEquals(2, loads.get());
        assertTrue(read().contains(run + " b"));
        assertEquals(2, loads.get());
    }

    /** Entities, as the catalog holds them; fingerprinted as the catalog is, by what changes with each write. */
    final ReadMostly<KitNote> entities = new ReadMostly<>("kit_note",
            "select count(*), coalesce(string_agg(text, ',' order by id), '') from kit_note where text like '" + run + "%'",
            session -> session.createQuery("from KitNote n where n.text like :r", KitNote.class).setParameter("r", run + "%").getResultList());

    @Test
    void aTransactionKeepsTheRowsItFirstReadAndTheNextTransactionSeesAnotherWritersChange() {
        UUID id = write(run + " draft");
        List<String> seen = QuarkusTransaction.requiringNew().call(() -> {
            PartnerScope.off(em);
            String before = entities.current(em).getFirst().text;
            // Another replica's write commits while this transaction (a consumer's batch) goes on.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update kit_note set text = :t where id = :id")
                    .setParameter("t", run + " retired").setParameter("id", id).executeUpdate());
            return List.of(before, entities.current(em).getFirst().text);
        });
        assertEquals(List.of(run + " draft", run + " draft"), seen, "one batch, one catalog: as if the write had come after it");
        String next = QuarkusTransaction.requiringNew().call(() -> {
            PartnerScope.off(em);
            return entities.current(em).getFirst().text;
        });
        assertEquals(run + " retired", next, "the next transaction must not hand back the first one's rows");
    }

    /** What a transaction has read ends when it writes: its own change, flushed, is read back. */
    @Test
    void aRowTheTransactionWroteAfterItsFirstReadIsReadOnceFlushed() {
        write(run + " a");
        List<List<String>> seen = QuarkusTransaction.requiringNew().call(() -> {
            PartnerScope.off(em);
            List<String> first = notes.current(em);
            KitNote added = new KitNote();
            added.id = UUID.randomUUID();
            added.partnerId = "p";
            added.text = run + " b";
            em.persist(added);
            em.flush();
            return List.of(first, notes.current(em));
        });
        assertEquals(List.of(List.of(run + " a"), List.of(run + " a", run + " b")), seen);
    }

    /** The fingerprint skips the flush of other tables' changes, never of its own: a row the caller has not flushed yet is read. */
    @Test
    void aRowTheCallersUnitOfWorkHasNotFlushedYetIsRead() {
        read();
        List<String> seen = QuarkusTransaction.requiringNew().call(() -> {
            PartnerScope.off(em);
            KitNote pending = new KitNote();
            pending.id = UUID.randomUUID();
            pending.partnerId = "p";
            pending.text = run + " pending";
            em.persist(pending);
            return notes.current(em);
        });
        assertEquals(List.of(run + " pending"), seen);
    }

    private List<String> read() {
        // As an event consumer reads: every partner's rows (a test method runs in a request scope of its own).
        return QuarkusTransaction.requiringNew().call(() -> {
            PartnerScope.off(em);
            return notes.current(em);
        });
    }

    private UUID write(String text) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into kit_note(id, partner_id, text) values (:id, 'p', :t)")
                .setParameter("id", id).setParameter("t", text).executeUpdate());
        return id;
    }
}
