/**
 * Sentiment of what customers write: a default that needs no labelled data (similarity to example sentences), a
 * model the organisation trains on its own labelled messages, and the background pass that stores a sentiment on
 * every ticket and interaction with text and a trend on their customers.
 */
package org.crmgraph.language.sentiment;
