package org.crmgraph.graph.article;

import java.util.List;

/** On update, a null field is left unchanged; a given tag list replaces the old one. */
public record ArticleInput(String title, String body, List<String> tags) {}
