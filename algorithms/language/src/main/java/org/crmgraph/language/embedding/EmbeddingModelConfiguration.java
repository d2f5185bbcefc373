package org.crmgraph.language.embedding;

import java.nio.file.Path;
import org.crmgraph.graph.data.DataFolderProperties;
import org.crmgraph.language.SentimentProperties;
import org.crmgraph.language.SupportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    SupportProperties.class,
    SentimentProperties.class,
    DataFolderProperties.class,
    FineTuningProperties.class
})
class EmbeddingModelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingModelConfiguration.class);

    static Path cacheDir(SupportProperties properties, DataFolderProperties data) {
        return properties.modelCacheDir().isEmpty() ? data.resolve("djl") : Path.of(properties.modelCacheDir());
    }

    /**
     * One embedding model per JVM, loaded on a thread of its own from start-up on, so the API answers within seconds
     * of launch while the model (a few seconds more) loads; readiness (the {@code model} health check) says when it
     * is there, and calls that need it wait for it (with {@code crm.support.load-model-at-start=false}, as the
     * command line runs, the first of them starts the load). A missing model still stops the service at once, with a
     * message naming what is missing. Closed when the context closes.
     */
    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder(SupportProperties properties, DataFolderProperties data) {
        long started = System.nanoTime();
        SentenceEmbedder embedder = SentenceEmbedder.loadInBackground(
                properties.modelLocation(),
                cacheDir(properties, data),
                properties.maxTokens(),
                properties.predictors(),
                properties.intraOpThreads(),
                properties.loadModelAtStart());
        embedder.whenLoaded(failure -> {
            if (failure == null) {
                log.info(
                        "Sentence-embedding model {} loaded in {} ms ({} dimensions, {} predictors)",
                        embedder.description(),
                        (System.nanoTime() - started) / 1_000_000,
                        embedder.dimensions(),
                        properties.predictors());
            } else {
                log.error("Sentence-embedding model {} failed to load: {}", embedder.description(), failure.toString());
            }
        });
        return embedder;
    }
}
