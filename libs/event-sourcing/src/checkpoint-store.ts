/** Durable positions of consumers of the global log (the relay, process managers). */
export interface CheckpointStore {
  load(name: string): Promise<number | undefined>;
  save(name: string, position: number): Promise<void>;
}
