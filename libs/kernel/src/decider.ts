import type { Actor } from './actor';
import type { WorkingDayCalendar } from './working-days';

/** A domain event as a decider produces it: the envelope (ids, hashes, positions) is added at append. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

export interface Command<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Everything a decision may depend on besides the command and the state: never read from globals. */
export interface DecideContext {
  /** The instant the command is decided, UTC. */
  readonly now: Date;
  readonly actor: Actor;
  readonly calendar: WorkingDayCalendar;
  readonly correlationId: string;
}

/** A bounded context's aggregate as three pure functions. */
export interface Decider<C extends Command, E extends DomainEvent, S> {
  readonly initialState: () => S;
  /** Returns the new events, or throws a DomainError when the command breaks a rule. */
  readonly decide: (command: C, state: S, context: DecideContext) => E[];
  readonly evolve: (state: S, event: E) => S;
}

export const foldEvents = <E extends DomainEvent, S>(decider: Pick<Decider<Command, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());

/** Compile-time exhaustiveness for `switch` over a union: an unhandled member fails to compile. */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};
