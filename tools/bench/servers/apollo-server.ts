/** For the driver choice: Apollo Server 5 standalone on the same schema and the same captured data. */
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { announceListening, failStart } from './announce';
import { CATALOGUE_SDL, catalogueResolvers, loadCapturedConnection } from './catalogue-schema';

const [file] = process.argv.slice(2);

const start = async (): Promise<void> => {
  const server = new ApolloServer({ typeDefs: CATALOGUE_SDL, resolvers: catalogueResolvers(loadCapturedConnection(file)) });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  announceListening(new URL('/graphql', url).toString());
};

start().catch(failStart);
