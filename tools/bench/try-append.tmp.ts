import { benchEventAppend } from './event-append.bench';
benchEventAppend({ quick: process.argv.includes('--quick') }).then((r) => console.log(JSON.stringify(r, null, 1)));
