import { benchReadModelRebuild } from './read-model-rebuild.bench';
benchReadModelRebuild({ quick: process.argv.includes('--quick') }).then((r) => console.log(JSON.stringify(r, null, 1)));
