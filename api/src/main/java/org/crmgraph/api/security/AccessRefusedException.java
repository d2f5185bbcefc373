package org.crmgraph.api.security;

import java.util.List;

/** A caller's role does not allow the field; the message says which roles would. */
public class AccessRefusedException extends RuntimeException {

    AccessRefusedException(String field, Caller caller, List<String> allowed) {
        super((caller == null ? "A caller without a CRM role" : "Role " + caller.role()) + " may not use " + field
                + "; it needs " + String.join(" or ", allowed) + ".");
    }
}
