import type { CheckpointStore } from './checkpoint-store';

/** Checkpoints that last as long as the process: for tests and for read models rebuilt at start. */
export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(name: string): Promise<number | undefined> {
    return this.positions.get(name);
  }

  async save(name: string, position: number): Promise<void> {
    this.positions.set(name, position);
  }
}
