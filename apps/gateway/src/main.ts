import 'reflect-metadata';
import { assertSafeForProduction } from '@gongkai/auth';
import { runProcess } from '@gongkai/platform';
import { loadGatewayProcessConfig, startGateway } from '@gongkai/platform/distributed';

/** The GraphQL gateway as its own process, in front of the context services. */
runProcess(async () => {
  const config = loadGatewayProcessConfig(process.env);
  assertSafeForProduction(config.auth, process.env['NODE_ENV']);
  return startGateway(config);
});
