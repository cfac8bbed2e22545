package com.cycube.support.scalars;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code DateTime}: RFC 3339 timestamps, always written in UTC. Domain code uses {@link Instant};
 * parsing and validation are graphql-java-extended-scalars'; inputs arrive as {@link Instant}.
 */
public final class DateTimeScalar {

    @SuppressWarnings("unchecked")
    private static final Coercing<OffsetDateTime, String> RFC3339 =
            (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime.getCoercing();

    public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("A date-time in RFC 3339 format with a time-zone offset, e.g. 2026-11-24T17:30:00Z; always returned in UTC.")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) throws CoercingSerializeException {
                    Object utc = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
                    return RFC3339.serialize(utc, context, locale);
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) throws CoercingParseValueException {
                    return RFC3339.parseValue(input, context, locale).toInstant();
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale)
                        throws CoercingParseLiteralException {
                    return RFC3339.parseLiteral(input, variables, context, locale).toInstant();
                }

                @Override
                public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
                    Object utc = input instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : input;
                    return RFC3339.valueToLiteral(utc, context, locale);
                }
            })
            .build();

    private DateTimeScalar() {
    }
}
