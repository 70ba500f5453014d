package com.successworkshop.kit.persistence;

import com.successworkshop.kit.security.CurrentPartner;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.Session;

import java.util.function.Supplier;

/**
 * Partner isolation by construction: Hibernate applies the {@value #FILTER} filter to every query and every load by id
 * of an entity annotated {@code @Filter(name = PartnerScope.FILTER)}, with the partner this class resolves. In an HTTP
 * request that is the token's {@code partner_id} (a token without one sees nothing); outside a request (an event
 * consumer, the relay, a scheduled job) it is {@value #ALL}, because such work applies each event to the partner the
 * event names. Writes are never filtered: an entity's partner is set from the request or the event, as before.
 */
public class PartnerScope implements Supplier<String> {

    public static final String FILTER = "partner";
    /** The parameter of the filter, and of {@link #condition}'s predicate. */
    public static final String PARAMETER = "partnerId";
    static final String ALL = "*";
    static final String NONE = "";
    static final String CONDITION = "(:partnerId = '*' or partner_id = :partnerId)";

    /** The filter's predicate for a SQL table alias (native queries), bound like {@link #condition}'s. */
    public static String sqlCondition(String alias) {
        return CONDITION.replace("partner_id", alias + ".partner_id");
    }

    /** The partner in scope now: the token's, {@value #ALL} outside a request, {@value #NONE} for a token without one. */
    public static String current() {
        return new PartnerScope().get();
    }

    /** The filter's predicate for an HQL alias, to bind {@link #PARAMETER} to {@link #current()} in {@link #unfiltered} work. */
    public static String condition(String alias) {
        return "(:" + PARAMETER + " = '*' or " + alias + ".partnerId = :" + PARAMETER + ")";
    }

    /**
     * Runs {@code work} with the filter off, for hot reads that name the partner themselves ({@link #condition}): while
     * any filter is enabled Hibernate builds a new loader and SQL for every load and query (a third of a GET's CPU),
     * with none it reuses them. The filter is on again afterwards, with the same partner.
     */
    public static <T> T unfiltered(EntityManager em, Supplier<T> work) {
        Session session = em.unwrap(Session.class);
        if (session.getEnabledFilter(FILTER) == null) {
            return work.get();
        }
        String partner = current();
        session.disableFilter(FILTER);
        try {
            return work.get();
        } finally {
            session.enableFilter(FILTER).setParameter(PARAMETER, partner);
        }
    }

    /**
     * For work that applies events to the partner each event names (consumers, relays, jobs): it sees every partner
     * anyway, so the filter goes for the rest of the transaction and its statements keep their cached plans.
     */
    public static void off(EntityManager em) {
        em.unwrap(Session.class).disableFilter(FILTER);
    }

    @Override
    public String get() {
        var container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return ALL;
        }
        try (InstanceHandle<JsonWebToken> jwt = container.instance(JsonWebToken.class)) {
            String partner = jwt.isAvailable() ? CurrentPartner.of(jwt.get()) : null;
            return partner == null ? NONE : partner;
        }
    }
}
