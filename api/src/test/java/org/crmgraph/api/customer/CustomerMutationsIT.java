package org.crmgraph.api.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.crmgraph.api.FixtureGraphTest;
import org.junit.jupiter.api.Test;

class CustomerMutationsIT extends FixtureGraphTest {

    private long count(String cypherText) {
        return cypher.read(cypherText, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void createsACustomerWithNormalisedFields() {
        var response = graphQl.documentName("createCustomer")
                .variable(
                        "input",
                        Map.of(
                                "name",
                                "  Zoë   Zimmer ",
                                "email",
                                " Zoe.Zimmer@Example.COM ",
                                "phone",
                                "+49 (30) 1234-5678",
                                "country",
                                "Germany",
                                "city",
                                "Berlin"))
                .execute();
        response.path("createCustomer.errors").entityList(Object.class).hasSize(0);
        response.path("createCustomer.customer.name").entity(String.class).isEqualTo("Zoë Zimmer");
        response.path("createCustomer.customer.email").entity(String.class).isEqualTo("zoe.zimmer@example.com");
        response.path("createCustomer.customer.phone").entity(String.class).isEqualTo("+493012345678");
        response.path("createCustomer.customer.country").entity(String.class).isEqualTo("DE");
        String id =
                response.path("createCustomer.customer.id").entity(String.class).get();

        graphQl.documentName("customer")
                .variable("id", id)
                .execute()
                .path("customer.email")
                .entity(String.class)
                .isEqualTo("zoe.zimmer@example.com");
    }

    @Test
    void reportsEveryInvalidFieldAtOnceAndWritesNothing() {
        var response = graphQl.documentName("createCustomer")
                .variable(
                        "input",
                        Map.of("name", "   ", "email", "not-an-email", "phone", "call me", "country", "Atlantis"))
                .execute();
        response.path("createCustomer.customer").valueIsNull();
        response.path("createCustomer.errors[*].field[0]")
                .entityList(String.class)
                .contains("name", "email", "phone", "country")
                .hasSize(4);
        response.path("createCustomer.errors[*].code")
                .entityList(String.class)
                .contains("REQUIRED", "INVALID_FORMAT", "INVALID_FORMAT", "INVALID_FORMAT")
                .hasSize(4);
        assertThat(count("MATCH (c:Customer) RETURN count(c)")).isEqualTo(5);
    }

    @Test
    void tooLongNameIsRefused() {
        graphQl.documentName("createCustomer")
                .variable("input", Map.of("name", "x".repeat(201)))
                .execute()
                .path("createCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("TOO_LONG");
    }

    @Test
    void duplicateEmailIsAConflictNamingTheOwner() {
        var response = graphQl.documentName("createCustomer")
                .variable("input", Map.of("name", "Alice Again", "email", "ALICE@example.com"))
                .execute();
        response.path("createCustomer.errors[0].code").entity(String.class).isEqualTo("DUPLICATE_EMAIL");
        response.path("createCustomer.errors[0].field").entityList(String.class).containsExactly("email");
        response.path("createCustomer.errors[0].message")
                .entity(String.class)
                .satisfies(m -> assertThat(m).contains("c1"));
        assertThat(count("MATCH (c:Customer {email: 'alice@example.com'}) RETURN count(c)"))
                .isEqualTo(1);
    }

    @Test
    void updateChangesOnlyTheGivenFields() {
        var response = graphQl.documentName("updateCustomer")
                .variable("id", "c2")
                .variable("input", Map.of("city", "Hamburg", "phone", "0049 40 555 1234"))
                .execute();
        response.path("updateCustomer.errors").entityList(Object.class).hasSize(0);
        response.path("updateCustomer.customer.city").entity(String.class).isEqualTo("Hamburg");
        response.path("updateCustomer.customer.phone").entity(String.class).isEqualTo("+49405551234");
        response.path("updateCustomer.customer.name").entity(String.class).isEqualTo("bob Baker");
        response.path("updateCustomer.customer.email").entity(String.class).isEqualTo("bob@example.org");
    }

    @Test
    void explicitNullRemovesAnOptionalFieldWhileOmittedFieldsStay() {
        Map<String, Object> input = new HashMap<>();
        input.put("city", null);
        input.put("email", null);
        var response = graphQl.documentName("updateCustomer")
                .variable("id", "c1")
                .variable("input", input)
                .execute();
        response.path("updateCustomer.errors").entityList(Object.class).hasSize(0);
        response.path("updateCustomer.customer.city").valueIsNull();
        response.path("updateCustomer.customer.email").valueIsNull();
        response.path("updateCustomer.customer.country").entity(String.class).isEqualTo("GB");
        assertThat(cypher.read(
                                "MATCH (c:Customer {id: 'c1'}) RETURN keys(c) AS keys",
                                Map.of(),
                                r -> r.get(0).asList(v -> v.asString()))
                        .getFirst())
                .doesNotContain("city", "email")
                .contains("name", "country");
    }

    @Test
    void theNameCannotBeRemoved() {
        Map<String, Object> input = new HashMap<>();
        input.put("name", null);
        graphQl.documentName("updateCustomer")
                .variable("id", "c1")
                .variable("input", input)
                .execute()
                .path("updateCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("REQUIRED");
        graphQl.documentName("customer")
                .variable("id", "c1")
                .execute()
                .path("customer.name")
                .entity(String.class)
                .isEqualTo("Alice Archer");
    }

    @Test
    void updateToAnotherCustomersEmailIsADuplicateAndChangesNothing() {
        graphQl.documentName("updateCustomer")
                .variable("id", "c2")
                .variable("input", Map.of("email", "carla@example.com", "city", "Köln"))
                .execute()
                .path("updateCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("DUPLICATE_EMAIL");
        graphQl.documentName("customer")
                .variable("id", "c2")
                .execute()
                .path("customer.city")
                .entity(String.class)
                .isEqualTo("Berlin");
    }

    @Test
    void updatingAnUnknownCustomerIsNotFound() {
        graphQl.documentName("updateCustomer")
                .variable("id", "nobody")
                .variable("input", Map.of("city", "Paris"))
                .execute()
                .path("updateCustomer.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void deleteRemovesTheCustomerWithTheirOrdersTicketsAndInteractionsButNotProducts() {
        graphQl.documentName("deleteCustomer")
                .variable("id", "c1")
                .execute()
                .path("deleteCustomer.deletedId")
                .entity(String.class)
                .isEqualTo("c1");
        assertThat(count("MATCH (c:Customer {id: 'c1'}) RETURN count(c)")).isZero();
        assertThat(count("MATCH (o:Order) WHERE o.id IN ['o1', 'o2'] RETURN count(o)"))
                .isZero();
        assertThat(count("MATCH (t:Ticket) WHERE t.id IN ['t1', 't2'] RETURN count(t)"))
                .isZero();
        assertThat(count("MATCH (i:Interaction) WHERE i.id IN ['i1', 'i2'] RETURN count(i)"))
                .isZero();
        assertThat(count("MATCH (p:Product) RETURN count(p)")).isEqualTo(5);
        assertThat(count("MATCH (o:Order {id: 'o3'}) RETURN count(o)")).isEqualTo(1);
    }

    @Test
    void deletingAnUnknownCustomerIsNotFound() {
        var response =
                graphQl.documentName("deleteCustomer").variable("id", "nobody").execute();
        response.path("deleteCustomer.deletedId").valueIsNull();
        response.path("deleteCustomer.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void missingRequiredInputFieldIsAGraphQlValidationError() {
        Map<String, Object> input = new HashMap<>();
        input.put("email", "x@example.com");
        graphQl.documentName("createCustomer")
                .variable("input", input)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("name")));
    }
}
