// Runs the TypeScript sources directly: SWC compiles on load (with the decorator metadata that
// Nest needs) and the tsconfig path aliases resolve to the libraries' sources.
const path = require('node:path');
const root = path.join(__dirname, '..');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(root, 'tsconfig.base.json');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
require('@swc-node/register');
