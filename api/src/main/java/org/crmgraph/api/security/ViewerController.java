package org.crmgraph.api.security;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Who the caller is, so a front end can show or hide what its role may do. */
@Controller
class ViewerController {

    @QueryMapping
    Caller viewer() {
        return Caller.current();
    }
}
