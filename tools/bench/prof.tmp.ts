import { benchReadModelRebuild } from './read-model-rebuild.bench';
benchReadModelRebuild({ quick: false }).then(() => undefined);
