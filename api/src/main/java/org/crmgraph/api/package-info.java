/** The Spring Boot application: GraphQL over every module, security, the command line. */
@NullMarked
package org.crmgraph.api;

import org.jspecify.annotations.NullMarked;
