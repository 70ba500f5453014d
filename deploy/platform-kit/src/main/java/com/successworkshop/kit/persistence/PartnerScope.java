package com.successworkshop.kit.persistence;

import com.successworkshop.kit.security.CurrentPartner;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import org.eclipse.microprofile.jwt.JsonWebToken;

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
    static final String PARAMETER = "partnerId";
    static final String ALL = "*";
    static final String NONE = "";
    static final String CONDITION = "(:partnerId = '*' or partner_id = :partnerId)";

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
