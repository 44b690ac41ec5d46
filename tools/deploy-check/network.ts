import { asArray, asObject, asString, type JsonObject } from './problems';

/** Something that sends or receives traffic: a pod (ours or elsewhere in the cluster) or an outside address. */
export interface Endpoint {
  readonly description: string;
  /** Undefined for an address outside the cluster. */
  readonly namespace?: string;
  readonly namespaceLabels: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** Container ports by name, for policies that name their ports. */
  readonly namedPorts: Readonly<Record<string, number>>;
  readonly ip?: string;
}

export interface Traffic {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

export const selectorMatches = (selector: unknown, labels: Readonly<Record<string, string>>): boolean => {
  const object = asObject(selector);
  for (const [key, value] of Object.entries(asObject(object['matchLabels']))) if (labels[key] !== value) return false;
  for (const expression of asArray(object['matchExpressions'])) {
    const { key, operator, values } = asObject(expression);
    const name = asString(key) ?? '';
    const list = asArray(values).map(String);
    const has = Object.prototype.hasOwnProperty.call(labels, name);
    const matches =
      operator === 'In' ? has && list.includes(labels[name]) : operator === 'NotIn' ? !(has && list.includes(labels[name])) : operator === 'Exists' ? has : operator === 'DoesNotExist' ? !has : false;
    if (!matches) return false;
  }
  return true;
};

const ipToNumber = (ip: string): number => ip.split('.').reduce((total, octet) => total * 256 + Number(octet), 0);

const inCidr = (ip: string, cidr: string): boolean => {
  const [base, bits] = cidr.split('/');
  const size = Number(bits ?? 32);
  if (!base || base.includes(':') || ip.includes(':')) return false;
  const mask = size === 0 ? 0 : 2 ** 32 - 2 ** (32 - size);
  return (ipToNumber(ip) & mask) >>> 0 === (ipToNumber(base) & mask) >>> 0;
};

/** Does one `from`/`to` entry of a policy in `policyNamespace` name this endpoint? */
const peerMatches = (peer: JsonObject, endpoint: Endpoint, policyNamespace: string): boolean => {
  const ipBlock = peer['ipBlock'];
  if (ipBlock !== undefined) {
    const block = asObject(ipBlock);
    if (!endpoint.ip) return false;
    const cidr = asString(block['cidr']) ?? '';
    return inCidr(endpoint.ip, cidr) && !asArray(block['except']).some((except) => inCidr(endpoint.ip ?? '', String(except)));
  }
  if (endpoint.namespace === undefined) return false;
  const namespaceSelector = peer['namespaceSelector'];
  const podSelector = peer['podSelector'];
  const namespaceOk = namespaceSelector === undefined ? endpoint.namespace === policyNamespace : selectorMatches(namespaceSelector, endpoint.namespaceLabels);
  const podOk = podSelector === undefined ? true : selectorMatches(podSelector, endpoint.labels);
  return namespaceOk && podOk;
};

const portMatches = (ports: unknown, traffic: Traffic, destination: Endpoint): boolean => {
  const list = asArray(ports);
  if (list.length === 0) return true;
  return list.some((entry) => {
    const rule = asObject(entry);
    if ((asString(rule['protocol']) ?? 'TCP') !== traffic.protocol) return false;
    const port = rule['port'];
    if (port === undefined) return true;
    const number = typeof port === 'string' ? destination.namedPorts[port] : Number(port);
    if (number === undefined) return false;
    const endPort = typeof rule['endPort'] === 'number' ? rule['endPort'] : number;
    return traffic.port >= number && traffic.port <= endPort;
  });
};

const ruleAllows = (rules: unknown, peersKey: 'from' | 'to', other: Endpoint, destination: Endpoint, traffic: Traffic, policyNamespace: string): boolean =>
  asArray(rules).some((entry) => {
    const rule = asObject(entry);
    const peers = asArray(rule[peersKey]);
    const peerOk = peers.length === 0 || peers.some((peer) => peerMatches(asObject(peer), other, policyNamespace));
    return peerOk && portMatches(rule['ports'], traffic, destination);
  });

interface Policy {
  readonly namespace: string;
  readonly name: string;
  readonly spec: JsonObject;
}

const policyTypes = (spec: JsonObject): string[] => {
  const declared = asArray(spec['policyTypes']).map(String);
  if (declared.length > 0) return declared;
  return spec['egress'] === undefined ? ['Ingress'] : ['Ingress', 'Egress'];
};

/**
 * Evaluates NetworkPolicies as the API defines them: a pod selected by no policy of a direction is
 * open in that direction; a selected pod accepts only what some selecting policy allows; traffic
 * flows when the sender's egress and the receiver's ingress both allow it.
 */
export class NetworkPolicies {
  private readonly policies: Policy[];

  constructor(objects: ReadonlyArray<{ readonly namespace?: string; readonly name: string; readonly raw: JsonObject }>) {
    this.policies = objects.map((object) => ({ namespace: object.namespace ?? '', name: object.name, spec: asObject(object.raw['spec']) }));
  }

  private selecting(endpoint: Endpoint, direction: 'Ingress' | 'Egress'): Policy[] {
    return this.policies.filter(
      (policy) => policy.namespace === endpoint.namespace && policyTypes(policy.spec).includes(direction) && selectorMatches(policy.spec['podSelector'], endpoint.labels),
    );
  }

  egressAllowed(source: Endpoint, destination: Endpoint, traffic: Traffic): boolean {
    const policies = this.selecting(source, 'Egress');
    return policies.length === 0 || policies.some((policy) => ruleAllows(policy.spec['egress'], 'to', destination, destination, traffic, policy.namespace));
  }

  ingressAllowed(source: Endpoint, destination: Endpoint, traffic: Traffic): boolean {
    const policies = this.selecting(destination, 'Ingress');
    return policies.length === 0 || policies.some((policy) => ruleAllows(policy.spec['ingress'], 'from', source, destination, traffic, policy.namespace));
  }

  allows(source: Endpoint, destination: Endpoint, traffic: Traffic): boolean {
    return this.egressAllowed(source, destination, traffic) && this.ingressAllowed(source, destination, traffic);
  }

  /** The policies that deny everything not allowed elsewhere: an empty pod selector and no rules. */
  defaultDeny(namespace: string): Policy | undefined {
    return this.policies.find((policy) => {
      const types = policyTypes(policy.spec);
      return (
        policy.namespace === namespace &&
        Object.keys(asObject(policy.spec['podSelector'])).length === 0 &&
        types.includes('Ingress') &&
        types.includes('Egress') &&
        asArray(policy.spec['ingress']).length === 0 &&
        asArray(policy.spec['egress']).length === 0
      );
    });
  }
}
