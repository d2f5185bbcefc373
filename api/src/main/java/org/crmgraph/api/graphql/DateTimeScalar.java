package org.crmgraph.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** ISO-8601 instants with an offset; a value without an offset is refused rather than guessed. */
public final class DateTimeScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("ISO-8601 date-time with offset")
            .coercing(new DateTimeCoercing())
            .build();

    private static final String EXPECTED = "Expected an ISO-8601 date-time with offset, e.g. 2026-03-01T09:30:00Z";

    private DateTimeScalar() {}

    private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return switch (value) {
                case OffsetDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
                case ZonedDateTime time -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.toOffsetDateTime());
                default ->
                    throw new CoercingSerializeException(
                            "Not a date-time: " + value.getClass().getSimpleName());
            };
        }

        @Override
        public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text) {
                try {
                    return OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException(EXPECTED + ", got '" + text + "'.");
                }
            }
            throw new CoercingParseValueException(
                    EXPECTED + ", got a " + input.getClass().getSimpleName() + ".");
        }

        @Override
        public OffsetDateTime parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            if (input instanceof StringValue text) {
                try {
                    return OffsetDateTime.parse(text.getValue());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseLiteralException(EXPECTED + ", got '" + text.getValue() + "'.");
                }
            }
            throw new CoercingParseLiteralException(EXPECTED + ".");
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }
    }
}
