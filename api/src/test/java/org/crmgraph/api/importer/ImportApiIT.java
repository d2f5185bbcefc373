package org.crmgraph.api.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.crmgraph.api.FixtureGraphTest;
import org.crmgraph.api.cli.Command;
import org.crmgraph.graph.fixture.ImportFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** startImport / importJob / mergeCustomers over GraphQL, and the import command's arguments and exit codes. */
class ImportApiIT extends FixtureGraphTest {

    private static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");

    @Autowired
    List<Command> commands;

    @Autowired
    org.crmgraph.importer.ImportService imports;

    private long count(String query) {
        return cypher.read(query, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    @Test
    void startsAnImportOfAFileInTheImportFolderAndReportsItsProgress() {
        ImportFiles.write("api-people.csv", """
                id,name,email,phone,country,city,updated_at
                api-1,Kai King,kai@example.com,,GB,Bath,
                api-2,Lea Lang,lea@@example.com,,DE,Bonn,
                """, T1);
        var started = graphQl.documentName("startImport")
                .variable("input", Map.of("file", "api-people.csv", "mapping", "customers-csv", "type", "CUSTOMERS"))
                .execute();
        started.path("startImport.errors").entityList(Object.class).hasSize(0);
        String jobId = started.path("startImport.jobId").entity(String.class).get();

        // clients poll importJob; here, until the job is done
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of("SUCCEEDED", "FAILED")
                        .contains(graphQl.documentName("importJob")
                                .variable("id", jobId)
                                .execute()
                                .path("importJob.status")
                                .entity(String.class)
                                .get()));

        var job = graphQl.documentName("importJob").variable("id", jobId).execute();
        job.path("importJob.status").entity(String.class).isEqualTo("SUCCEEDED");
        job.path("importJob.progress").entity(Double.class).isEqualTo(1.0);
        job.path("importJob.rowsRead").entity(Integer.class).isEqualTo(2);
        job.path("importJob.rowsImported").entity(Integer.class).isEqualTo(2);
        job.path("importJob.valuesDropped").entity(Integer.class).isEqualTo(1);
        job.path("importJob.customersCreated").entity(Integer.class).isEqualTo(2);
        job.path("importJob.finishedAt").hasValue();
        job.path("importJobs[*].id").entityList(String.class).contains(jobId);
        assertThat(
                        count(
                                "MATCH (:SourceRecord {key: 'crm:id:api-1'})-[:RESOLVED_TO]->(c:Customer {city: 'Bath'}) RETURN count(c)"))
                .isOne();
    }

    @Test
    void refusesPathsOutsideTheImportFolderAndBadMappings() throws Exception {
        ImportFiles.write("api-ok.csv", "id,name,email,phone,country,city,updated_at\nx,X,x@example.com,,,,\n", T1);
        for (String path : List.of("../../pom.xml", "/etc/passwd", "sub/../../secret.csv")) {
            var response = graphQl.documentName("startImport")
                    .variable("input", Map.of("file", path, "mapping", "customers-csv"))
                    .execute();
            response.path("startImport.jobId").valueIsNull();
            response.path("startImport.errors[0].code").entity(String.class).isEqualTo("OUTSIDE_IMPORT_FOLDER");
            response.path("startImport.errors[0].field[0]").entity(String.class).isEqualTo("file");
        }
        // a link inside the folder that leads out of it
        Path link = ImportFiles.FOLDER.resolve("escape.csv");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));
        graphQl.documentName("startImport")
                .variable("input", Map.of("file", "escape.csv", "mapping", "customers-csv"))
                .execute()
                .path("startImport.errors[0].code")
                .entity(String.class)
                .isEqualTo("OUTSIDE_IMPORT_FOLDER");
        graphQl.documentName("startImport")
                .variable("input", Map.of("file", "nothing-here.csv", "mapping", "customers-csv"))
                .execute()
                .path("startImport.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
        graphQl.documentName("startImport")
                .variable("input", Map.of("file", "api-ok.csv", "mapping", "/etc/crm.yaml"))
                .execute()
                .path("startImport.errors[0].code")
                .entity(String.class)
                .isEqualTo("OUTSIDE_IMPORT_FOLDER");
        graphQl.documentName("startImport")
                .variable("input", Map.of("file", "api-ok.csv", "mapping", "online-retail"))
                .execute()
                .path("startImport.errors[0].message")
                .entity(String.class)
                .satisfies(message -> assertThat(message).contains("line 1").contains("InvoiceNo"));
        graphQl.documentName("startImport")
                .variable("input", Map.of("file", "api-ok.csv", "mapping", "customers-csv", "type", "ORDERS"))
                .execute()
                .path("startImport.errors[0].field[0]")
                .entity(String.class)
                .isEqualTo("type");
    }

    @Test
    void mergesTwoCustomersAfterADryRunThatChangesNothing() {
        List<String> before = ImportFiles.snapshot(cypher);
        long c2Orders = count("MATCH (:Customer {id: 'c2'})-[:PLACED]->(o) RETURN count(o)");
        long c1Orders = count("MATCH (:Customer {id: 'c1'})-[:PLACED]->(o) RETURN count(o)");

        var dryRun = graphQl.documentName("mergeCustomers")
                .variable("input", Map.of("survivorId", "c1", "mergedId", "c2", "dryRun", true))
                .execute();
        dryRun.path("mergeCustomers.errors").entityList(Object.class).hasSize(0);
        dryRun.path("mergeCustomers.dryRun").entity(Boolean.class).isEqualTo(true);
        dryRun.path("mergeCustomers.customer.email").entity(String.class).isEqualTo("bob@example.org");
        dryRun.path("mergeCustomers.moved[?(@.type == 'PLACED')].count")
                .entityList(Integer.class)
                .containsExactly((int) c2Orders);
        assertThat(ImportFiles.snapshot(cypher)).containsExactlyElementsOf(before);

        var merged = graphQl.documentName("mergeCustomers")
                .variable("input", Map.of("survivorId", "c1", "mergedId", "c2"))
                .execute();
        merged.path("mergeCustomers.errors").entityList(Object.class).hasSize(0);
        assertThat(count("MATCH (c:Customer {id: 'c2'}) RETURN count(c)")).isZero();
        assertThat(count("MATCH (:Customer {id: 'c1'})-[:PLACED]->(o) RETURN count(o)"))
                .isEqualTo(c1Orders + c2Orders);
        // c1 was updated less recently than c2, so c2's non-empty values win; the e-mail moved with it
        merged.path("mergeCustomers.customer.email").entity(String.class).isEqualTo("bob@example.org");
        merged.path("mergeCustomers.customer.city").entity(String.class).isEqualTo("Berlin");

        graphQl.documentName("mergeCustomers")
                .variable("input", Map.of("survivorId", "c1", "mergedId", "c1"))
                .execute()
                .path("mergeCustomers.errors[0].code")
                .entity(String.class)
                .isEqualTo("INVALID_STATE");
        graphQl.documentName("mergeCustomers")
                .variable("input", Map.of("survivorId", "c1", "mergedId", "c2"))
                .execute()
                .path("mergeCustomers.errors[0].code")
                .entity(String.class)
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aJobLeftRunningByAStoppedProcessIsMarkedInterrupted() {
        cypher.write("""
                CREATE (:ImportJob {id: 'imp-dead', status: 'RUNNING', mapping: 'online-retail', type: 'orders', file: 'x.csv',
                                    dryRun: false, startedAt: datetime() - duration('PT2H'), updatedAt: datetime() - duration('PT1H')}),
                       (:ImportJob {id: 'imp-alive', status: 'RUNNING', mapping: 'online-retail', type: 'orders', file: 'y.csv',
                                    dryRun: false, startedAt: datetime() - duration('PT2H'), updatedAt: datetime()})
                """, Map.of());
        imports.interruptStaleJobs();
        var dead = graphQl.documentName("importJob").variable("id", "imp-dead").execute();
        dead.path("importJob.status").entity(String.class).isEqualTo("INTERRUPTED");
        dead.path("importJob.error")
                .entity(String.class)
                .satisfies(error -> assertThat(error).contains("run the import again"));
        graphQl.documentName("importJob")
                .variable("id", "imp-alive")
                .execute()
                .path("importJob.status")
                .entity(String.class)
                .isEqualTo("RUNNING");
    }

    private int runCommand(StringBuilder output, String... arguments) {
        Command command = commands.stream()
                .filter(c -> c.name().equals("import"))
                .findFirst()
                .orElseThrow();
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = command.run(
                List.of(arguments),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        output.append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
        return status;
    }

    @Test
    void theImportCommandExitsWithAStatusThatSaysWhatHappened() {
        Path good = ImportFiles.write(
                "cli-people.csv",
                "id,name,email,phone,country,city,updated_at\ncli-1,Max Moe,max@example.com,,GB,Ely,\n",
                T1);
        Path broken = ImportFiles.write(
                "cli-broken.csv", "id,name,email,phone,country,city,updated_at\ncli-2,\"Nia,n@example.com,,,,\n", T1);

        var output = new StringBuilder();
        assertThat(runCommand(output, "--mapping", "customers-csv", good.toString()))
                .isEqualTo(Command.OK);
        assertThat(output).contains("SUCCEEDED").contains("1 read, 1 imported, 0 rejected");

        output.setLength(0);
        assertThat(runCommand(output, "--type", "orders", "--mapping", "customers-csv", good.toString()))
                .isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(output).contains("imports customers, not orders");

        output.setLength(0);
        assertThat(runCommand(output, "--mapping", "customers-csv", broken.toString()))
                .isEqualTo(Command.FAILED);
        assertThat(output).contains("line 2");

        output.setLength(0);
        assertThat(runCommand(output, "--mapping", "no-such-mapping", good.toString()))
                .isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(runCommand(output, good.toString())).isEqualTo(Command.BAD_ARGUMENTS);
        assertThat(runCommand(output, "--mapping", "customers-csv", "/no/such/file.csv"))
                .isEqualTo(Command.FAILED);
    }
}
