/** GraphQL over sentiment: reading a text, the trained models. */
package org.crmgraph.api.sentiment;
