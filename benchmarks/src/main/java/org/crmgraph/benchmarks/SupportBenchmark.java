package org.crmgraph.benchmarks;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crmgraph.language.embedding.SentenceEmbedder;
import org.crmgraph.language.evaluation.LabelledQuestion;
import org.crmgraph.language.evaluation.LabelledQuestions;
import org.neo4j.driver.GraphDatabase;

/**
 * Support answers: the embedding model's pace and the latency of {@code answerSupportQuery} over HTTP.
 * <ol>
 *   <li>loads all-MiniLM-L6-v2 in this JVM and embeds {@code --sentences} questions of the dataset one at a time
 *       and in batches of 32, with one predictor and with two working at once: sentences per second;</li>
 *   <li>starts the service on {@code --data-dir}, a folder {@code evaluate-support} filled from the same dataset,
 *       and asks the questions it held out (those without an {@code eval-N} ticket), one request at a time after
 *       {@code --warmup} requests, then with {@code --clients} at once: latency percentiles at the client,
 *       over HTTP, including GraphQL and the recording of each answer.</li>
 * </ol>
 *
 * <pre>java -jar api/target/api-0.1.0-SNAPSHOT.jar evaluate-support --dataset ../shared/datasets/banking77/train.csv --crm.data-dir=/tmp/b77
 * ./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.SupportBenchmark \
 *     -Dexec.args="--data-dir /tmp/b77 --dataset ../shared/datasets/banking77/train.csv --requests 1000"</pre>
 */
public final class SupportBenchmark {

    private static final String ANSWER = """
            query($q: String!) { answerSupportQuery(question: $q) { id answer confidence decision category sources { score kind } } }""";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        Path dataDir = Path.of(options.getOrDefault("data-dir", "/tmp/b77")).toAbsolutePath();
        Path dataset = Path.of(options.getOrDefault("dataset", "../shared/datasets/banking77/train.csv"));
        int sentences = Integer.parseInt(options.getOrDefault("sentences", "2000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "1000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "4"));
        List<LabelledQuestion> questions = LabelledQuestions.read(dataset);

        List<String> texts =
                questions.stream().map(LabelledQuestion::text).limit(sentences).toList();
        try (SentenceEmbedder one =
                        SentenceEmbedder.load("classpath:all-minilm-l6-v2", Path.of("target/djl-cache"), 256, 1, 1);
                SentenceEmbedder two =
                        SentenceEmbedder.load("classpath:all-minilm-l6-v2", Path.of("target/djl-cache"), 256, 2, 1)) {
            one.embedAll(texts.subList(0, Math.min(200, texts.size())), 32);
            System.out.printf(
                    "%nEmbedding %d questions of %s (all-MiniLM-L6-v2, ONNX Runtime, 1 intra-op thread per predictor):%n",
                    texts.size(), dataset.getFileName());
            System.out.println("| how | sentences/s |\n|---|---|");
            long t = System.nanoTime();
            texts.forEach(one::embed);
            System.out.printf(
                    "| one at a time, 1 predictor | %.0f |%n", texts.size() / ((System.nanoTime() - t) / 1e9));
            t = System.nanoTime();
            one.embedAll(texts, 32);
            System.out.printf(
                    "| batches of 32, 1 predictor | %.0f |%n", texts.size() / ((System.nanoTime() - t) / 1e9));
            t = System.nanoTime();
            two.embedAll(texts, 32);
            System.out.printf(
                    "| batches of 32, 2 predictors at once | %.0f |%n", texts.size() / ((System.nanoTime() - t) / 1e9));
        }

        try (var service = ServiceProcess.onData(jar, "2g", dataDir, List.of())) {
            Set<String> written = new HashSet<>();
            try (var driver = GraphDatabase.driver(service.boltUri(), service.boltAuth());
                    var session = driver.session()) {
                session.run("MATCH (t:Ticket) WHERE t.evaluation RETURN t.id AS id")
                        .forEachRemaining(r -> written.add(r.get("id").asString()));
            }
            List<String> heldOut = new ArrayList<>();
            for (int i = 0; i < questions.size(); i++) {
                if (!written.contains("eval-" + (i + 1))) {
                    heldOut.add(questions.get(i).text());
                }
            }
            if (heldOut.isEmpty() || written.isEmpty()) {
                throw new IllegalStateException(
                        dataDir + " holds no evaluation tickets of " + dataset + ": run evaluate-support on it first");
            }
            HttpClient http = HttpClient.newHttpClient();
            ApiLatencyBenchmark.run(
                    http,
                    service.graphQlUrl(),
                    service.adminKey,
                    i -> body(heldOut.get(i % heldOut.size())),
                    warmup,
                    1,
                    null);
            for (int c : List.of(1, clients)) {
                Latencies latencies = new Latencies(requests);
                long started = System.nanoTime();
                ApiLatencyBenchmark.run(
                        http,
                        service.graphQlUrl(),
                        service.adminKey,
                        i -> body(heldOut.get((warmup + i) % heldOut.size())),
                        requests,
                        c,
                        latencies);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "%nanswerSupportQuery, %d held-out questions, %d client(s), over HTTP (%d resolved tickets in the index):%n",
                        latencies.count(), c, written.size());
                System.out.printf(
                        "| p50 | p90 | p99 | max | answers/s |%n|---|---|---|---|---|%n| %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.0f |%n",
                        latencies.percentileMillis(50),
                        latencies.percentileMillis(90),
                        latencies.percentileMillis(99),
                        latencies.percentileMillis(100),
                        latencies.count() / seconds);
            }
        }
    }

    private static String body(String question) {
        StringBuilder escaped = new StringBuilder();
        for (char ch : question.toCharArray()) {
            switch (ch) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) ch));
                    } else {
                        escaped.append(ch);
                    }
                }
            }
        }
        return "{\"query\":\"" + ANSWER.replace("\"", "\\\"").replace("\n", " ") + "\",\"variables\":{\"q\":\""
                + escaped + "\"}}";
    }

    private SupportBenchmark() {}
}
