package com.successworkshop.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example a reader of the API sees for each body is built from its schema and stays within it. */
class ExamplesTest {

    @Test
    void nullableReferencesBoundsAndCyclesGiveAValueInsideTheSchema() {
        Components c = OASFactory.createComponents();
        c.addSchema("LocalDate", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date"));
        c.addSchema("Status", OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("IN_PLACE", "GAP_IDENTIFIED")));
        Schema node = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("dueDate", nullableRef("LocalDate"))
                .addProperty("status", nullableRef("Status"))
                .addProperty("licenceCount", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.valueOf(20_001)))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(3))
                .addProperty("parent", nullableRef("Node"));
        c.addSchema("Node", node);

        Object example = new Examples(c).of(OASFactory.createSchema().ref("#/components/schemas/Node"));

        Map<?, ?> map = (Map<?, ?>) example;
        assertEquals("2026-12-03", map.get("dueDate"));
        assertEquals("IN_PLACE", map.get("status"));
        assertEquals(20_001L, map.get("licenceCount"));
        assertEquals(3, ((String) map.get("code")).length());
        // A schema that contains itself stops instead of recursing forever.
        assertEquals(null, map.get("parent"));
    }

    private static Schema nullableRef(String name) {
        return OASFactory.createSchema().anyOf(List.of(OASFactory.createSchema().ref("#/components/schemas/" + name),
                OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
    }
}
