package org.crmgraph.language.embedding;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of the configured sentence encoder ({@code crm.support.model-location}) that fine-tuning starts from:
 * the ONNX graph with its weights and the tokenizer. Only a local ONNX file can be fine-tuned (the shipped
 * {@code classpath:} model or a folder); a model URL cannot.
 */
record EncoderSource(String location, byte[] onnx, byte[] tokenizer) {

    private static final String CLASSPATH = "classpath:";

    /** @throws IllegalArgumentException saying why this location cannot be fine-tuned */
    static EncoderSource of(String location) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String name = location.substring(CLASSPATH.length());
                return new EncoderSource(location, resource(name + ".onnx"), resource(name + "-tokenizer.json"));
            }
            if (location.contains("://") && !location.startsWith("file:")) {
                throw new IllegalArgumentException("the encoder at " + location
                        + " is a model URL; fine-tuning needs its ONNX file (crm.support.model-location as classpath: "
                        + "or a folder)");
            }
            Path folder = location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
            List<Path> onnx;
            try (Stream<Path> files = Files.list(folder)) {
                onnx = files.filter(f -> f.getFileName().toString().endsWith(".onnx"))
                        .toList();
            }
            if (onnx.size() != 1) {
                throw new IllegalArgumentException(
                        "the encoder folder " + folder + " must hold exactly one .onnx file");
            }
            return new EncoderSource(
                    location,
                    Files.readAllBytes(onnx.getFirst()),
                    Files.readAllBytes(folder.resolve("tokenizer.json")));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the encoder at " + location + ": " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EncoderSource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("the encoder resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }
}
