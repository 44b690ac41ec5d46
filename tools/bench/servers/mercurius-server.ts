/**
 * Baseline: bare Fastify + Mercurius (the platform's driver) answering the captured catalogue page
 * from memory. Arguments: the captured response file, then `jit` (as the platform: jit: 1) or `no-jit`.
 */
import Fastify from 'fastify';
import mercurius from 'mercurius';
import { announceListening, failStart } from './announce';
import { CATALOGUE_SDL, catalogueResolvers, loadCapturedConnection } from './catalogue-schema';

const [file, mode] = process.argv.slice(2);

const start = async (): Promise<void> => {
  const app = Fastify();
  await app.register(mercurius, {
    schema: CATALOGUE_SDL,
    resolvers: catalogueResolvers(loadCapturedConnection(file)),
    path: '/graphql',
    // jit: 1 compiles a query with graphql-jit after its first execution, as the platform is configured.
    jit: mode === 'jit' ? 1 : 0,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  announceListening(`${url}/graphql`);
};

start().catch(failStart);
