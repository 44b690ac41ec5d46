import 'reflect-metadata';
import { runProcess, SERVICE_MODULES } from '@gongkai/platform';
import { loadServiceProcessConfig, startContextService } from '@gongkai/platform/distributed';

/** The participation context as its own process: its commands over NATS, its events to JetStream. */
runProcess(() => startContextService(loadServiceProcessConfig('participation', process.env), SERVICE_MODULES['participation']));
