import type { RecordedEvent } from './envelope';

/** Turns the data of one schema version into the data of the next. */
export type Upcaster = (data: unknown) => unknown;

/**
 * Old events are never rewritten (their hashes are evidence); they are read through upcasters
 * instead. `register('X', 1, fn)` says how version 1 of X becomes version 2; a type's current
 * version is one past its newest upcaster. The hash and prevHash stay those of the stored
 * version, so verify the chain on events as read from the store, not on upcast ones.
 */
export class UpcasterRegistry {
  private readonly chains = new Map<string, Map<number, Upcaster>>();

  register(type: string, fromVersion: number, upcaster: Upcaster): this {
    if (!Number.isInteger(fromVersion) || fromVersion < 1) throw new RangeError(`Upcaster for ${type}: fromVersion must be a whole number from 1, got ${fromVersion}.`);
    const chain = this.chains.get(type) ?? new Map<number, Upcaster>();
    if (chain.has(fromVersion)) throw new Error(`Upcaster for ${type} from version ${fromVersion} is registered twice.`);
    chain.set(fromVersion, upcaster);
    this.chains.set(type, chain);
    return this;
  }

  /** The version new events of this type are written with: 1 when it has no upcasters. */
  currentVersion(type: string): number {
    const chain = this.chains.get(type);
    return chain ? Math.max(...chain.keys()) + 1 : 1;
  }

  upcast<Data = unknown>(event: RecordedEvent): RecordedEvent<Data> {
    const target = this.currentVersion(event.type);
    if (event.schemaVersion > target) {
      // Written by newer code: guessing its meaning could make a wrong decision look right.
      throw new Error(`Event ${event.id} (${event.type}) has schema version ${event.schemaVersion}; this code knows up to ${target}.`);
    }
    let data = event.data;
    for (let version = event.schemaVersion; version < target; version++) {
      const upcaster = this.chains.get(event.type)?.get(version);
      if (!upcaster) throw new Error(`No upcaster for ${event.type} from version ${version} (event ${event.id}).`);
      data = upcaster(data);
    }
    return (target === event.schemaVersion ? event : { ...event, schemaVersion: target, data }) as RecordedEvent<Data>;
  }
}
