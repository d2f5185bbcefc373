package org.crmgraph.graph.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the embedded Neo4j runs. Used only when {@code spring.neo4j.uri} is not set; with
 * an external Neo4j or cluster, Boot's {@code spring.neo4j.*} settings apply and none of this does.
 */
@ConfigurationProperties(prefix = "crm")
public class CrmDataProperties {

    /** Folder holding the embedded Neo4j store; it survives restarts. Relative paths resolve against the working directory. */
    private Path dataDir = Path.of("crm-data");

    private final Embedded embedded = new Embedded();

    public Path getDataDir() {
        return dataDir;
    }

    public void setDataDir(Path dataDir) {
        this.dataDir = dataDir;
    }

    public Embedded getEmbedded() {
        return embedded;
    }

    public static class Embedded {

        /** Bolt port on 127.0.0.1 for the service and for Neo4j Browser; 0 picks a free port (tests). */
        private int boltPort = 7687;

        /** Page cache of the embedded store, in Neo4j's size syntax (e.g. 256m, 2g). */
        private String pageCache = "256m";

        /** Register the Graph Data Science procedures in the embedded DBMS. */
        private boolean gds = true;

        /**
         * Bolt (and so Neo4j Browser) needs the user {@code neo4j} and a password. The password is generated at
         * the first start and kept in {@code <data-dir>/neo4j-password}, readable by the owner only. Without it,
         * anyone with a shell on the machine could read the graph past the API's roles.
         */
        private boolean auth = true;

        public boolean isAuth() {
            return auth;
        }

        public void setAuth(boolean auth) {
            this.auth = auth;
        }

        public int getBoltPort() {
            return boltPort;
        }

        public void setBoltPort(int boltPort) {
            this.boltPort = boltPort;
        }

        public String getPageCache() {
            return pageCache;
        }

        public void setPageCache(String pageCache) {
            this.pageCache = pageCache;
        }

        public boolean isGds() {
            return gds;
        }

        public void setGds(boolean gds) {
            this.gds = gds;
        }
    }
}
