package org.crmgraph.api.startup;

import org.crmgraph.graph.embedded.EmbeddedNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;

/** Tells the person who started the service where everything is. */
class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final ObjectProvider<EmbeddedNeo4j> embedded;

    StartupReport(ObjectProvider<EmbeddedNeo4j> embedded) {
        this.embedded = embedded;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        var report = new StringBuilder("\n\n  CRM graph is ready\n")
                .append("  GraphQL         POST ")
                .append(base)
                .append("/graphql\n")
                .append("  GraphiQL        ")
                .append(base)
                .append("/graphiql\n")
                .append("  Health          ")
                .append(base)
                .append("/actuator/health\n");
        EmbeddedNeo4j neo4j = embedded.getIfAvailable();
        if (neo4j != null) {
            report.append("  Neo4j Browser   ")
                    .append(base)
                    .append("/browser/  (connect to ")
                    .append(neo4j.boltUri())
                    .append(
                            neo4j.authEnabled()
                                    ? ", user neo4j, password in " + neo4j.passwordFile()
                                    : ", no authentication")
                    .append(")\n")
                    .append("  Bolt            ")
                    .append(neo4j.boltUri())
                    .append('\n')
                    .append("  Data folder     ")
                    .append(neo4j.home())
                    .append('\n');
        } else {
            report.append("  Neo4j           external, see spring.neo4j.uri\n");
        }
        log.info(report.toString());
    }
}
