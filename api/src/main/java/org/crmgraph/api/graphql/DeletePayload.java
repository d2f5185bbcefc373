package org.crmgraph.api.graphql;

import java.util.List;
import org.crmgraph.graph.validation.FieldError;
import org.crmgraph.graph.validation.Outcome;

public record DeletePayload(String deletedId, List<FieldError> errors) {

    public static DeletePayload of(Outcome<String> outcome) {
        return new DeletePayload(outcome.value(), outcome.errors());
    }
}
