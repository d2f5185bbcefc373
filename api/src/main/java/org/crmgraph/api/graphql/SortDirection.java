package org.crmgraph.api.graphql;

public enum SortDirection {
    ASC,
    DESC;

    public boolean descending() {
        return this == DESC;
    }
}
