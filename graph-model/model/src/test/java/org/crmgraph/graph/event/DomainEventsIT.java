package org.crmgraph.graph.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crmgraph.graph.cypher.CypherRunner;
import org.crmgraph.graph.fixture.GraphFixture;
import org.crmgraph.graph.privacy.CustomerPrivacy;
import org.crmgraph.graph.testing.RealNeo4j;
import org.crmgraph.graph.testing.SharedTestNeo4j;
import org.crmgraph.graph.ticket.TicketInputs;
import org.crmgraph.graph.ticket.TicketPriority;
import org.crmgraph.graph.ticket.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ContextConfiguration;

/**
 * The graph model on its own publishes what changed, once the write committed, and nothing for a write that was
 * refused; every event survives being stored and read back.
 */
@SpringBootTest(classes = DomainEventsIT.ModelOnly.class, properties = "crm.data-dir=target/model-it")
@ContextConfiguration(initializers = SharedTestNeo4j.class)
@RealNeo4j
class DomainEventsIT {

    @Autowired
    CypherRunner cypher;

    @Autowired
    TicketService tickets;

    @Autowired
    CustomerPrivacy privacy;

    @Autowired
    Heard heard;

    @BeforeEach
    void fixture() {
        GraphFixture.crm(cypher);
        heard.events.clear();
    }

    @Test
    void aTicketsLifeIsAnnouncedStepByStepWithIdsAndFieldNamesOnly() {
        var opened = tickets.open(new TicketInputs.Open("c1", "Charger broken", "It sparks", null, null, null, null));
        assertThat(opened.succeeded()).isTrue();
        String id = opened.value().id();
        tickets.update(
                id, new TicketInputs.Update(null, "It sparks and smokes", TicketPriority.URGENT, null, null, null));
        tickets.resolve(id, new TicketInputs.Resolve("Replaced the charger", "kb1"));

        assertThat(heard.events)
                .extracting(DomainEvent::type)
                .containsExactly(TicketOpened.TYPE, TicketUpdated.TYPE, TicketResolved.TYPE);
        assertThat(heard.events)
                .allSatisfy(event -> assertThat(event.entityId()).isEqualTo(id));
        assertThat(heard.events.get(0).attributes()).containsEntry("customerId", "c1");
        assertThat(heard.events.get(1).attributes()).containsEntry("fields", List.of("body", "priority"));
        assertThat(heard.events.get(2).attributes()).containsEntry("articleId", "kb1");
        assertThat(heard.events.toString()).doesNotContain("sparks", "Charger", "Replaced");
    }

    @Test
    void aRefusedWriteAnnouncesNothing() {
        var refused = tickets.open(new TicketInputs.Open("no-such-customer", "s", "b", null, null, null, null));
        assertThat(refused.succeeded()).isFalse();
        assertThat(tickets.resolve("t1", new TicketInputs.Resolve("again", null))
                        .succeeded())
                .as("t1 is resolved already")
                .isFalse();
        assertThat(privacy.erase("no-such-customer")).isEmpty();
        assertThat(heard.events).isEmpty();
    }

    @Test
    void anErasureIsAnnouncedWithTheIdAlone() {
        assertThat(privacy.erase("c2")).isPresent();
        assertThat(heard.events).singleElement().satisfies(event -> {
            assertThat(event).isEqualTo(new CustomerErased("c2", event.occurredAt()));
            assertThat(event.attributes()).isEmpty();
        });
    }

    @Test
    void everyEventReadsBackFromItsStoredFormAsTheSameRecord() {
        var opened = tickets.open(new TicketInputs.Open("c1", "s", "b", null, null, null, null));
        tickets.update(opened.value().id(), new TicketInputs.Update("s2", null, null, null, null, null));
        privacy.erase("c2");
        heard.events.add(new ArticleChanged("kb1", ArticleChanged.Change.UPDATED, java.time.Instant.now()));
        heard.events.add(new ImportFinished("imp-1", "orders", 10, 2, java.time.Instant.now()));
        heard.events.add(new CustomersMerged("c1", "c3", java.time.Instant.now()));
        heard.events.add(new DemoDataLoaded("demo", 300, java.time.Instant.now()));
        assertThat(heard.events)
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(event -> assertThat(DomainEvents.fromStored(
                                event.type(), event.entityId(), event.occurredAt(), event.attributes()))
                        .isEqualTo(event));
    }

    static class Heard {
        final List<DomainEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void heard(DomainEvent event) {
            events.add(event);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @ComponentScan("org.crmgraph.graph")
    static class ModelOnly {
        @Bean
        Heard heard() {
            return new Heard();
        }
    }
}
