package org.crmgraph.graph.data;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service's own folder ({@code crm.data-dir}): the embedded Neo4j store, import files and reports, the model's
 * native libraries. It survives restarts.
 *
 * @param dataDir the folder; relative paths resolve against the working directory
 */
@ConfigurationProperties(prefix = "crm")
public record DataFolderProperties(@DefaultValue("crm-data") Path dataDir) {

    /** A sub-folder of the data folder, as an absolute path. */
    public Path resolve(String child) {
        return dataDir.resolve(child).toAbsolutePath().normalize();
    }
}
