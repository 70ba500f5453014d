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
    final ReadMostly<String> notes = new ReadMostly<>("select count(*), coalesce(max(text), '') from kit_note where text like '" + run + "%'",
            em -> {
                loads.incrementAndGet();
                return em.createQuery("select n.text from KitNote n where n.text like :r order by n.text", String.class)
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

    private List<String> read() {
        // As an event consumer reads: every partner's rows (a test method runs in a request scope of its own).
        return QuarkusTransaction.requiringNew().call(() -> {
            PartnerScope.off(em);
            return notes.current(em);
        });
    }

    private void write(String text) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into kit_note(id, partner_id, text) values (:id, 'p', :t)")
                .setParameter("id", UUID.randomUUID()).setParameter("t", text).executeUpdate());
    }
}
