import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * What the deployment must contain: the processes, their port, the Secrets an operator creates.
 * A new context is added to CONTEXT_SERVICES here, to deploy/compose/compose.yaml and to
 * deploy/k8s/base/apps, and the check holds all three to it.
 */
export const NAMESPACE = 'gongkai';
export const OVERLAYS = ['dev', 'prod'] as const;
export type OverlayName = (typeof OVERLAYS)[number];

export const GATEWAY = 'gateway';
export const CONTEXT_SERVICES = ['services-catalog', 'oversight', 'requests', 'decisions', 'supervision', 'interpretations', 'participation'] as const;
/** The processes that sign integrity checkpoints, and so need INTEGRITY_SIGNING_KEY in production. */
export const SIGNERS: readonly string[] = [GATEWAY, 'oversight'];
export const APPS: readonly string[] = [GATEWAY, ...CONTEXT_SERVICES];

/** Every process of ours listens on this port: GraphQL (gateway), health and /metrics. */
export const APP_PORT = 3000;
/** `node` in the node:*-slim image that deploy/Dockerfile builds on. */
export const APP_UID = 1000;
/** A process drains and exits within this after SIGTERM (issue 3, item 5). */
export const APP_SHUTDOWN_SECONDS = 10;

/** The container of every Deployment of ours is called `app` (the patches in base/apps merge on it). */
export const APP_CONTAINER = 'app';

/**
 * Each Secret the manifests refer to and the keys they read, with stand-in values: the check
 * resolves every process's environment with them and validates it. docs/operations.md must
 * describe each of them (the check looks for every name and key there).
 */
export const SECRETS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'gongkai-eventstore': {
    EVENTSTORE_URL: 'esdb://gongkai:sample@kurrentdb-0.kurrentdb.gongkai.svc.cluster.local:2113?tls=true&tlsCAFile=/etc/gongkai/kurrentdb-ca/ca.crt',
  },
  'gongkai-mongodb': {
    MONGODB_URI: 'mongodb://gongkai:sample@mongodb-0.mongodb.gongkai.svc.cluster.local:27017/gongkai?replicaSet=rs0&authSource=admin',
  },
  'gongkai-oidc': {
    OIDC_JWKS_URL: 'https://idp.example.gov.cn/realms/gongkai/protocol/openid-connect/certs',
    OIDC_ISSUER: 'https://idp.example.gov.cn/realms/gongkai',
    OIDC_AUDIENCE: 'gongkai',
  },
  'gongkai-jwt': { JWT_SECRET: 'sample-secret-of-sixty-four-characters-for-the-deploy-check-0000' },
  // Made for each run rather than written down: a private key in the repository would be copied.
  'gongkai-integrity': { INTEGRITY_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() },
  'gongkai-applicant-fingerprint': { APPLICANT_FINGERPRINT_SECRET: randomBytes(48).toString('base64') },
  'gongkai-mongodb-admin': { 'root-username': 'root', 'root-password': 'sample', 'app-password': 'sample', keyfile: 'sample' },
  'kurrentdb-tls': { 'tls.crt': '', 'tls.key': '', 'ca.crt': '' },
  'gongkai-ingress-tls': { 'tls.crt': '', 'tls.key': '' },
};

/** NATS servers per overlay (nats-values.yaml, nats-values-prod.yaml): the replicas of each JetStream stream. */
export const NATS_SERVERS: Readonly<Record<OverlayName, number>> = { dev: 1, prod: 3 };

/** Labels the NATS chart puts on the server pods of release `nats` (deploy/k8s/nats-values.yaml). */
export const NATS_SERVER_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'nats',
  'app.kubernetes.io/instance': 'nats',
  'app.kubernetes.io/component': 'nats',
};
export const NATS_BOX_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'nats',
  'app.kubernetes.io/instance': 'nats',
  'app.kubernetes.io/component': 'nats-box',
};

/** Where the rest of the cluster is (base/network-policies.yaml says the same). */
export const CLUSTER_NAMESPACES = {
  dns: 'kube-system',
  ingressController: 'ingress-nginx',
  monitoring: 'monitoring',
} as const;

/** The files that define the processes' environment variables; docs/operations.md must list every one. */
export const CONFIGURATION_SOURCES = [
  'libs/platform/src/distributed/process-config.ts',
  'libs/platform/src/distributed/personal-data-config.ts',
  'libs/platform/src/distributed/signing-key-config.ts',
  'libs/platform/src/platform-config.ts',
  'libs/auth/src/auth-config.ts',
];
