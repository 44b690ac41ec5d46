/**
 * node -r ./tools/register.js tools/deploy-check/main.ts
 *
 * Renders deploy/k8s/overlays/* offline with `kubectl kustomize`, validates every object against
 * the Kubernetes schemas and the deployment's rules, and checks deploy/compose and the NATS values.
 * Exits 1 and lists the problems when there are any.
 */
import { runDeployCheck } from './deploy-check';
import { formatProblems } from './problems';

const main = (): number => {
  const report = runDeployCheck();
  const counts = Object.entries(report.objects).map(([overlay, objects]) => `${overlay}: ${objects.length} objects`);
  process.stdout.write(`${report.kubectl.split('\n')[0]}\n${counts.join(', ')}\n`);
  if (report.problems.length > 0) {
    process.stderr.write(`${report.problems.length} problems:\n${formatProblems(report.problems)}\n`);
    return 1;
  }
  process.stdout.write('deployment check passed: schemas, policies, network flows, compose files, NATS values, operations guide\n');
  return 0;
};

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
