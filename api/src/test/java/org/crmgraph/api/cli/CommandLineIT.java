package org.crmgraph.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.crmgraph.api.CrmGraphApplication;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar api.jar <command>} as a user types it: the word decides, and a command starts only what it needs. */
class CommandLineIT {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void anUnknownCommandListsTheCommandsAndExitsTwoInsteadOfStartingTheService() {
        var status = dispatch("improt", "--mapping", "online-retail", "file.csv");
        assertThat(status).contains(Command.BAD_ARGUMENTS);
        assertThat(text(err))
                .contains("unknown command 'improt'")
                .contains("import")
                .contains("api-key")
                .contains("train-classifier");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void helpListsEveryCommandWithWhatItDoes() {
        assertThat(dispatch("--help")).contains(Command.OK);
        CommandLine.COMMANDS.forEach(
                (name, entry) -> assertThat(text(out)).contains(name).contains(entry.summary()));
    }

    @Test
    void eachCommandAnswersHelpWithoutOpeningTheDatabase() {
        for (String name : CommandLine.COMMANDS.keySet()) {
            out.reset();
            assertThat(dispatch(name, "--help", "--crm.data-dir=" + dataDir.resolve("never-created")))
                    .contains(Command.OK);
            assertThat(text(out)).startsWith("usage: java -jar api.jar " + name);
        }
        assertThat(dataDir.resolve("never-created")).doesNotExist();
    }

    @Test
    void optionsAloneOrNoArgumentsMeanTheService() {
        assertThat(dispatch()).isEmpty();
        assertThat(dispatch("--server.port=0", "--crm.data-dir=x")).isEmpty();
    }

    @Test
    void aCommandThatNeedsNeitherTheWebServerNorTheModelStartsNeither() {
        AtomicReference<ConfigurableApplicationContext> seen = new AtomicReference<>();
        int status = CommandLine.run(
                CrmGraphApplication.class,
                new String[] {"api-key", "list", "--crm.data-dir=" + dataDir},
                print(out),
                print(err),
                seen::set);
        assertThat(status).as(text(err)).isEqualTo(Command.OK);
        var context = seen.get();
        assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(context.getBeanFactory().getBeanNamesForType(SentenceEmbedder.class, false, false))
                .allSatisfy(name -> assertThat(context.getBeanFactory().containsSingleton(name))
                        .as(name)
                        .isFalse());
    }

    @Test
    void evaluateMatchingGradesALabelledFileInAScratchGraphItRemovesAfterwards() throws Exception {
        Path file = dataDir.resolve("people.csv");
        java.nio.file.Files.writeString(file, """
                rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id
                rec-1-org, jon, smith, 12, main street, , riverside, 2000, nsw, 19800101, 1
                rec-1-dup-0, john, smyth, 12, main st, , riverside, 2000, nsw, 19800101, 1
                rec-2-org, anna, taylor, 5, oak avenue, , hillview, 3000, vic, 19900505, 2
                rec-3-org, emma, taylor, 5, oak avenue, , hillview, 3000, vic, 19900505, 3
                rec-4-org, peter, green, 9, hill street, , ashfield, 2131, nsw, 19850607, 4
                rec-4-dup-0, green, peter, 9, hill street, , ashfield, 2131, nsw, 19850607, 4
                """);
        java.util.Set<Path> before = scratchFolders();

        int status = CommandLine.run(
                CrmGraphApplication.class,
                new String[] {"evaluate-matching", "--dataset", file.toString()},
                print(out),
                print(err),
                context -> {});

        assertThat(status).as(text(err)).isEqualTo(Command.OK);
        assertThat(text(err)).contains("scratch graph in");
        // two true pairs, both merged; the twins stay apart (a candidate for review, which counts as a wrong pair)
        assertThat(text(out))
                .contains("records 6 (graded 6), true people 4, customers after matching 4")
                .containsPattern("automatic\\s+1\\.0000\\s+1\\.0000")
                .contains("review queue: 1 candidate pairs");
        assertThat(scratchFolders()).isEqualTo(before);
    }

    private static java.util.Set<Path> scratchFolders() throws java.io.IOException {
        try (var folders = java.nio.file.Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return folders.filter(p -> p.getFileName().toString().startsWith("crm-scratch-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private java.util.Optional<Integer> dispatch(String... args) {
        return CommandLine.dispatch(CrmGraphApplication.class, args, print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
