package org.crmgraph.benchmarks;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Identity resolution at scale: a synthetic population of person records (FEBRL's columns; given names, family names,
 * streets and suburbs drawn so that names repeat as they do in real data, and a tenth of the people twice, the copy
 * with a typo), imported with the {@code febrl} mapping through the command line (end to end, and how much of it was
 * matching; names as populations have them, see {@link Names}), then single records streamed to the running service ({@code POST /ingest/orders}, one order with the
 * person each), half of them a typo'd copy of someone in the graph: the per-record latency against the whole graph.
 *
 * <pre>
 * ./mvnw -pl benchmarks exec:java -Dexec.mainClass=org.crmgraph.benchmarks.MatchingBenchmark \
 *     -Dexec.args="--people 100000 --records 300 [--names zipf|few] [--graph DIR --matching false]"
 * </pre>
 */
public final class MatchingBenchmark {

    private static final String[] GIVEN = {
        "james",
        "olivia",
        "jack",
        "charlotte",
        "william",
        "mia",
        "thomas",
        "amelia",
        "noah",
        "isla",
        "oliver",
        "ava",
        "lucas",
        "grace",
        "henry",
        "chloe",
        "ethan",
        "sophie",
        "samuel",
        "emily",
        "liam",
        "ella",
        "joshua",
        "ruby",
        "daniel",
        "harper",
        "alexander",
        "lily",
        "benjamin",
        "zoe",
        "max",
        "sienna",
        "harrison",
        "matilda",
        "cooper",
        "evie",
        "hunter",
        "willow",
        "archie",
        "georgia",
        "riley",
        "hannah",
        "lachlan",
        "scarlett",
        "jacob",
        "abigail",
        "leo",
        "madison",
        "isaac",
        "jasmine",
        "ryan",
        "isabella",
        "nathan",
        "holly",
        "tyler",
        "jessica",
        "luke",
        "emma",
        "jordan",
        "sarah",
        "michael",
        "laura",
        "david",
        "rebecca",
        "matthew",
        "rachel",
        "andrew",
        "claire"
    };
    private static final String[] FAMILY = {
        "smith",
        "jones",
        "williams",
        "brown",
        "wilson",
        "taylor",
        "johnson",
        "white",
        "martin",
        "anderson",
        "thompson",
        "nguyen",
        "thomas",
        "walker",
        "harris",
        "lee",
        "ryan",
        "robinson",
        "kelly",
        "king",
        "davis",
        "wright",
        "evans",
        "roberts",
        "green",
        "hall",
        "wood",
        "jackson",
        "clarke",
        "patel",
        "khan",
        "lewis",
        "james",
        "phillips",
        "mitchell",
        "turner",
        "campbell",
        "murphy",
        "edwards",
        "cook",
        "morris",
        "young",
        "scott",
        "hughes",
        "baker",
        "collins",
        "morgan",
        "bell",
        "ward",
        "allen",
        "price",
        "watson",
        "cooper",
        "parker",
        "kennedy",
        "stewart",
        "murray",
        "graham",
        "reid",
        "ross",
        "wallace",
        "gibson",
        "bailey",
        "carter",
        "kaur",
        "singh",
        "chen",
        "wang",
        "li",
        "zhang",
        "liu",
        "tran",
        "pham",
        "le",
        "hoang",
        "moore",
        "clark",
        "hill"
    };
    private static final String[] STREETS = {
        "main", "high", "church", "park", "station", "victoria", "george", "king", "queen", "elizabeth", "albert",
        "william", "river", "hill", "bridge", "mill", "ocean", "beach", "forest", "lake", "wattle", "banksia",
        "acacia", "jacaranda", "wallaby", "kangaroo", "possum", "koala", "emu", "dingo", "gum", "bottlebrush"
    };
    private static final String[] KINDS = {"street", "road", "avenue", "place", "crescent", "drive", "court", "lane"};
    private static final String[] STATES = {"nsw", "vic", "qld", "sa", "wa", "tas", "act", "nt"};

    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ta", "ren", "son", "bel", "dor", "fi", "gan", "har", "is", "jo", "kel", "lin", "mar", "nor",
        "ol", "pet", "quin", "ros", "sten", "tur", "ul", "van", "wes", "yor", "zan", "ber", "cal", "den", "el"
    };

    /**
     * Names as populations have them: a long tail of distinct names drawn with Zipf-like frequencies (rank r has weight
     * r^-s), so the commonest family name is about 1.5% of people and the commonest given name about 3%, as in
     * English-speaking countries; or, with {@code --names few}, only the 80 family and 68 given names above, drawn
     * uniformly (every name shared by over a thousand people: the blocks' worst case).
     */
    private record Names(String[] values, double[] cumulative) {

        static Names few(String[] values) {
            double[] cumulative = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                cumulative[i] = (i + 1.0) / values.length;
            }
            return new Names(values, cumulative);
        }

        static Names zipf(String[] common, int distinct, double exponent, int salt) {
            String[] values = new String[distinct];
            java.util.Set<String> seen = new java.util.HashSet<>(java.util.List.of(common));
            System.arraycopy(common, 0, values, 0, common.length);
            var random = new Random(salt);
            for (int i = common.length; i < distinct; ) {
                StringBuilder name = new StringBuilder();
                int parts = 2 + random.nextInt(3);
                for (int p = 0; p < parts; p++) {
                    name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
                }
                if (seen.add(name.toString())) {
                    values[i++] = name.toString();
                }
            }
            double[] cumulative = new double[distinct];
            double total = 0;
            for (int r = 0; r < distinct; r++) {
                total += Math.pow(r + 1, -exponent);
                cumulative[r] = total;
            }
            for (int r = 0; r < distinct; r++) {
                cumulative[r] /= total;
            }
            return new Names(values, cumulative);
        }

        String draw(Random random) {
            int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
            return values[Math.min(values.length - 1, at < 0 ? -at - 1 : at)];
        }
    }

    private static Names givenNames = Names.few(GIVEN);
    private static Names familyNames = Names.few(FAMILY);

    private record Person(
            String id,
            String given,
            String family,
            String number,
            String street,
            String suburb,
            String postcode,
            String state,
            String born) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ApiLatencyBenchmark.options(args);
        Path jar = Path.of(options.getOrDefault("jar", "api/target/api-0.1.0-SNAPSHOT.jar"))
                .toAbsolutePath();
        int people = Integer.parseInt(options.getOrDefault("people", "100000"));
        int records = Integer.parseInt(options.getOrDefault("records", "300"));
        if (!"few".equals(options.getOrDefault("names", "zipf"))) {
            givenNames = Names.zipf(GIVEN, 2_000, 0.7, 1);
            familyNames = Names.zipf(FAMILY, 50_000, 0.75, 2);
        }
        var random = new Random(11);
        List<Person> population = new ArrayList<>(people);
        for (int i = 0; i < people; i++) {
            population.add(person("p" + i, random));
        }
        // --graph DIR: stream into a graph imported before (same --people and seed), without importing again
        Path graph = options.containsKey("graph")
                ? Path.of(options.get("graph"))
                : importPopulation(jar, population, random);
        // --matching false: the same stream with probabilistic matching off, to see what matching adds per record
        List<String> serviceArguments =
                "false".equals(options.get("matching")) ? List.of("--crm.identity.matching.enabled=false") : List.of();
        try (var service = ServiceProcess.onData(jar, "4g", graph, serviceArguments)) {
            HttpClient http = HttpClient.newHttpClient();
            Latencies latencies = new Latencies(records);
            Latencies warm = new Latencies(50);
            for (int i = 0; i < records + 50; i++) {
                Person base = population.get(random.nextInt(population.size()));
                Person sent = i % 2 == 0 ? typo(base, "stream-" + i, random) : person("stream-" + i, random);
                String body = """
                        {"orderId": "bench-%d", "sku": "BENCH-1", "productName": "Bench", "quantity": 1, \
                        "unitPrice": 1, "placedAt": "2026-01-01T10:00:00Z", "customer": {"id": "%s", \
                        "givenName": "%s", "familyName": "%s", "street": "%s %s", "city": "%s", \
                        "postcode": "%s", "region": "%s", "birthDate": "%s"}}
                        """.formatted(
                                i,
                                sent.id(),
                                sent.given(),
                                sent.family(),
                                sent.number(),
                                sent.street(),
                                sent.suburb(),
                                sent.postcode(),
                                sent.state(),
                                sent.born());
                var request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + service.httpPort + "/ingest/orders?source=stream"))
                        .header("Authorization", "Bearer " + service.adminKey)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                long t = System.nanoTime();
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - t;
                if (response.statusCode() != 200 || !response.body().contains("ACCEPTED")) {
                    throw new IllegalStateException(
                            "ingest answered " + response.statusCode() + ": " + response.body());
                }
                (i < 50 ? warm : latencies).add(took);
            }
            System.out.printf(
                    Locale.ROOT,
                    "streamed single records (one order and its person each; half a typo'd copy of someone in a graph"
                            + " of %,d customers), one client, after 50 warm-up:%n"
                            + "| requests | p50 ms | p95 ms | max ms |%n|---:|---:|---:|---:|%n"
                            + "| %d | %.1f | %.1f | %.1f |%n",
                    people,
                    records,
                    latencies.percentileMillis(50),
                    latencies.percentileMillis(95),
                    latencies.percentileMillis(100));
        }
    }

    /** Writes the population (a tenth twice, with a typo) as a FEBRL file and imports it; returns the graph's folder. */
    private static Path importPopulation(Path jar, List<Person> population, Random random) throws Exception {
        int people = population.size();
        Path data = Files.createTempDirectory("crm-matching-bench");
        Path file = data.resolve("people.csv");
        int duplicates = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state,"
                    + " date_of_birth, soc_sec_id\n");
            for (Person p : population) {
                write(out, p);
                if (random.nextInt(10) == 0) {
                    write(out, typo(p, p.id() + "-dup", random));
                    duplicates++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%,d people, %,d of them twice (a typo in the copy): %,d records in %s%n",
                people,
                duplicates,
                people + duplicates,
                file);
        var command = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx4g",
                        "-jar",
                        jar.toString(),
                        "import",
                        "--mapping",
                        "febrl",
                        file.toString(),
                        "--crm.data-dir=" + data.resolve("graph"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        long started = System.nanoTime();
        int status = command.start().waitFor();
        System.out.printf(
                Locale.ROOT,
                "import command: exit %d, %.1f s process start to exit%n",
                status,
                (System.nanoTime() - started) / 1e9);

        return data.resolve("graph");
    }

    private static Person person(String id, Random random) {
        return new Person(
                id,
                givenNames.draw(random),
                familyNames.draw(random),
                String.valueOf(1 + random.nextInt(250)),
                STREETS[random.nextInt(STREETS.length)] + " " + KINDS[random.nextInt(KINDS.length)],
                "suburb" + random.nextInt(2_000),
                String.valueOf(2000 + random.nextInt(6000)),
                STATES[random.nextInt(STATES.length)],
                "%04d%02d%02d".formatted(1930 + random.nextInt(75), 1 + random.nextInt(12), 1 + random.nextInt(28)));
    }

    /** The same person written again with one typo: a letter of the family name swapped with the next. */
    private static Person typo(Person p, String id, Random random) {
        String family = p.family();
        if (family.length() > 3) {
            int at = 1 + random.nextInt(family.length() - 2);
            family = family.substring(0, at) + family.charAt(at + 1) + family.charAt(at) + family.substring(at + 2);
        }
        return new Person(id, p.given(), family, p.number(), p.street(), p.suburb(), p.postcode(), p.state(), p.born());
    }

    private static void write(BufferedWriter out, Person p) throws java.io.IOException {
        out.write(String.join(
                ", ",
                p.id(),
                p.given(),
                p.family(),
                p.number(),
                p.street(),
                "",
                p.suburb(),
                p.postcode(),
                p.state(),
                p.born(),
                ""));
        out.write('\n');
    }
}
