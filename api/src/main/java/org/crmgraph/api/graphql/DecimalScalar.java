package org.crmgraph.api.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Exact decimals: written as strings ({@code "15.30"}) so no JSON parser turns them into binary floating point. Input
 * also takes integers and, for hand-written queries, number literals (which GraphQL keeps as decimals); a JSON number
 * in variables is read from its shortest decimal form.
 */
public final class DecimalScalar {

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("Decimal")
            .description("An exact decimal number, a string on the wire, e.g. \"15.30\"")
            .coercing(new DecimalCoercing())
            .build();

    /** Longer texts are refused before parsing: a decimal with a million digits is an attack, not a price. */
    private static final int MAX_LENGTH = 40;

    private static final String EXPECTED = "Expected a decimal number as a string, e.g. \"15.30\"";

    private DecimalScalar() {}

    static BigDecimal parse(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw new CoercingParseValueException(EXPECTED + ", got " + trimmed.length() + " characters.");
        }
        try {
            BigDecimal value = new BigDecimal(trimmed);
            // 1E+999999999 would be a few characters and an enormous number to multiply
            if (Math.abs(value.scale()) > 100) {
                throw new CoercingParseValueException(EXPECTED + ", got '" + trimmed + "'.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CoercingParseValueException(EXPECTED + ", got '" + trimmed + "'.");
        }
    }

    private static final class DecimalCoercing implements Coercing<BigDecimal, String> {

        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            if (value instanceof BigDecimal decimal) {
                return decimal.toPlainString();
            }
            throw new CoercingSerializeException(
                    "Not a decimal: " + value.getClass().getSimpleName());
        }

        @Override
        public BigDecimal parseValue(Object input, GraphQLContext context, Locale locale) {
            return switch (input) {
                case String text -> parse(text);
                case Integer number -> BigDecimal.valueOf(number);
                case Long number -> BigDecimal.valueOf(number);
                case BigInteger number -> new BigDecimal(number);
                case BigDecimal number -> parse(number.toPlainString());
                case Double number when Double.isFinite(number) -> BigDecimal.valueOf(number);
                default ->
                    throw new CoercingParseValueException(
                            EXPECTED + ", got a " + input.getClass().getSimpleName() + ".");
            };
        }

        @Override
        public BigDecimal parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            try {
                return switch (input) {
                    case StringValue text -> parse(text.getValue());
                    case IntValue number -> parse(number.getValue().toString());
                    case FloatValue number -> parse(number.getValue().toString());
                    default -> throw new CoercingParseLiteralException(EXPECTED + ".");
                };
            } catch (CoercingParseValueException e) {
                throw new CoercingParseLiteralException(e.getMessage());
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return StringValue.newStringValue(serialize(input, context, locale)).build();
        }
    }
}
