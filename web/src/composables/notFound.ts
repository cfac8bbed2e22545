import { ApolloError } from '@apollo/client/core';
import { GraphQLError } from 'graphql';

/**
 * The graph answers `null` for something that does not exist or is not the caller's to see (a course of another
 * organization, someone else's lab or certificate) — deliberately the same answer for both. The console tells the user
 * so with the NOT_FOUND message, like any other NOT_FOUND error.
 */
export function notFoundError(): ApolloError {
  return new ApolloError({ graphQLErrors: [new GraphQLError('Not found', { extensions: { code: 'NOT_FOUND' } })] });
}
