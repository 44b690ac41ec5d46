import 'reflect-metadata';
import { runProcess, SERVICE_MODULES } from '@gongkai/platform';
import { loadServiceProcessConfig, startContextService } from '@gongkai/platform/distributed';

/** The interpretations context as its own process: its commands over NATS, its events to JetStream. */
runProcess(() => startContextService(loadServiceProcessConfig('interpretations', process.env), SERVICE_MODULES['interpretations']));
