package org.crmgraph.algorithms.support.answer;

public enum SourceKind {
    ARTICLE, TICKET
}
