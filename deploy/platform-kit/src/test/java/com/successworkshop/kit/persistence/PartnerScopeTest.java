package com.successworkshop.kit.persistence;

import com.successworkshop.kit.KitTestInfra;
import com.successworkshop.kit.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partner B never sees partner A's rows, even through queries that name no partner; background work sees every partner. */
@QuarkusTest
@QuarkusTestResource(value = KitTestInfra.class, restrictToAnnotatedClass = true)
class PartnerScopeTest {

    @Inject
    EntityManager em;
    @Inject
    io.smallrye.jwt.auth.principal.JWTParser parser;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String partnerA = "partner-a-" + run;
    final String partnerB = "partner-b-" + run;
    final UUID noteOfA = UUID.randomUUID();

    @BeforeEach
    void notes() {
        QuarkusTransaction.requiringNew().run(() -> {
            insert(noteOfA, partnerA, run + " agenda of A");
            insert(UUID.randomUUID(), partnerB, run + " agenda of B");
        });
    }

    private void insert(UUID id, String partner, String text) {
        em.createNativeQuery("insert into kit_note(id, partner_id, text) values (:id, :p, :t)")
                .setParameter("id", id).setParameter("p", partner).setParameter("t", text).executeUpdate();
    }

    @Test
    void aQueryThatForgetsThePartnerStillReturnsOnlyTheCallersRows() {
        given().auth().oauth2(Tokens.manager(partnerB)).get("/kit-notes").then().statusCode(200)
                .body("findAll { it.startsWith('" + run + "') }", contains(run + " agenda of B"));
        given().auth().oauth2(Tokens.manager(partnerA)).get("/kit-notes").then().statusCode(200)
                .body("findAll { it.startsWith('" + run + "') }", contains(run + " agenda of A"));
    }

    @Test
    void aPartnersRoleWithoutAPartnerIsForbidden() {
        given().auth().oauth2(com.successworkshop.kit.testing.Tokens.of("", "fasttrack-manager")).get("/kit-notes").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("partner_id"));
    }

    @Test
    void requestsAreAuthenticatedThroughTheKitsTokenCache() {
        org.junit.jupiter.api.Assertions.assertInstanceOf(com.successworkshop.kit.security.VerifiedTokens.class,
                io.quarkus.arc.ClientProxy.unwrap(parser));
    }

    @Test
    void loadingAnotherPartnersRowByIdFindsNothing() {
        given().auth().oauth2(Tokens.manager(partnerB)).get("/kit-notes/" + noteOfA).then().statusCode(404);
        given().auth().oauth2(Tokens.manager(partnerA)).get("/kit-notes/" + noteOfA).then().statusCode(200);
    }

    @Test
    void aReadWithTheFilterOffThatNamesThePartnerIsStillIsolatedAndTheFilterComesBack() {
        given().auth().oauth2(Tokens.manager(partnerB)).get("/kit-notes/" + noteOfA + "/unfiltered").then().statusCode(404);
        given().auth().oauth2(Tokens.manager(partnerA)).get("/kit-notes/" + noteOfA + "/unfiltered").then().statusCode(200)
                .body("findAll { it.startsWith('" + run + "') }", contains(run + " agenda of A", run + " agenda of A"));
    }

    @Test
    void workOutsideARequestLikeAnEventConsumerSeesEveryPartner() throws Exception {
        List<String> seen = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() ->
                em.createQuery("select n.text from KitNote n where n.text like :r", String.class)
                        .setParameter("r", run + "%").getResultList()), Executors.newSingleThreadExecutor()).get();
        assertTrue(seen.containsAll(List.of(run + " agenda of A", run + " agenda of B")), seen.toString());
    }
}
