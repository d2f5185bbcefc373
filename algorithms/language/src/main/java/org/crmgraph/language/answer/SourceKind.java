package org.crmgraph.language.answer;

public enum SourceKind {
    ARTICLE,
    TICKET
}
