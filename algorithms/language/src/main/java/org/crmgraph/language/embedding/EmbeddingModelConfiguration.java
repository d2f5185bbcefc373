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
@EnableConfigurationProperties({SupportProperties.class, SentimentProperties.class, DataFolderProperties.class})
class EmbeddingModelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddingModelConfiguration.class);

    static Path cacheDir(SupportProperties properties, DataFolderProperties data) {
        return properties.modelCacheDir().isEmpty() ? data.resolve("djl") : Path.of(properties.modelCacheDir());
    }

    /**
     * One embedding model per JVM, loaded at start-up: a missing or broken model stops the service with a message
     * naming what is missing, instead of failing the first question. Closed when the context closes.
     */
    @Bean(destroyMethod = "close")
    SentenceEmbedder sentenceEmbedder(SupportProperties properties, DataFolderProperties data) {
        Path cacheDir = cacheDir(properties, data);
        long started = System.nanoTime();
        SentenceEmbedder embedder = SentenceEmbedder.load(
                properties.modelLocation(),
                cacheDir,
                properties.maxTokens(),
                properties.predictors(),
                properties.intraOpThreads());
        log.info(
                "Sentence-embedding model {} loaded in {} ms ({} dimensions, {} predictors)",
                embedder.description(),
                (System.nanoTime() - started) / 1_000_000,
                embedder.dimensions(),
                properties.predictors());
        return embedder;
    }
}
