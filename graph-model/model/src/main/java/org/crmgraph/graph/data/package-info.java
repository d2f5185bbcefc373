/** Where the service keeps its files. */
package org.crmgraph.graph.data;
