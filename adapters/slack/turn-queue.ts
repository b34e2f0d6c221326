/**
 * Runs work after the ack, one task at a time per member (so a file and the text after it reach the core in the
 * order they were sent), and lets `stop()` and tests wait until everything handed over has finished.
 */
export class TurnQueue {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  /** Queues a task behind the member's earlier ones; the task must handle its own errors. */
  enqueue(member: string, task: () => Promise<void>): void {
    const previous = this.tails.get(member) ?? Promise.resolve();
    const run = previous.then(task, task);
    this.tails.set(member, run);
    this.track(run, () => {
      if (this.tails.get(member) === run) this.tails.delete(member);
    });
  }

  /** Runs a task at once (opening a modal cannot wait: its trigger_id expires within three seconds). */
  now(task: () => Promise<void>): void {
    this.track(task(), () => undefined);
  }

  /** Resolves once every task handed over so far, and any they queued, has finished. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(run: Promise<void>, done: () => void): void {
    this.running.add(run);
    void run
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(run);
        done();
      });
  }
}
