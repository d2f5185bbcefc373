/** Cleaning and normalising field values (names, e-mail, phone, country, dates, money). */
@NullMarked
package org.crmgraph.importer.clean;

import org.jspecify.annotations.NullMarked;
