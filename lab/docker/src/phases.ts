/** Times the run's phases, prints each as it ends and all of them at the end. */
export class PhaseClock {
  private readonly phases: { name: string; seconds: number; note: string; ok: boolean }[] = [];
  private readonly started = Date.now();

  /** Runs `work` as the phase `name`; its return value may add a note to the summary line. */
  async time<T>(name: string, work: () => Promise<T>, note?: (result: T) => string): Promise<T> {
    console.log(`\n▶ ${name}`);
    const since = Date.now();
    try {
      const result = await work();
      this.record(name, since, note?.(result) ?? '', true);
      return result;
    } catch (error) {
      this.record(name, since, 'FAILED', false);
      throw error;
    }
  }

  /** A phase measured elsewhere (e.g. one of two builds that ran side by side). */
  add(name: string, seconds: number, note = ''): void {
    this.phases.push({ name, seconds, note, ok: true });
  }

  private record(name: string, since: number, note: string, ok: boolean): void {
    const seconds = (Date.now() - since) / 1000;
    this.phases.push({ name, seconds, note, ok });
    console.log(`${ok ? '✔' : '✘'} ${name}: ${seconds.toFixed(1)} s${note ? ` (${note})` : ''}`);
  }

  summary(): string {
    const width = Math.max(...this.phases.map((phase) => phase.name.length), 5);
    const lines = this.phases.map(
      (phase) =>
        `  ${phase.name.padEnd(width)} ${phase.seconds.toFixed(1).padStart(6)} s${phase.note ? `  ${phase.note}` : ''}`,
    );
    const total = (Date.now() - this.started) / 1000;
    return [...lines, `  ${'total'.padEnd(width)} ${total.toFixed(1).padStart(6)} s`].join('\n');
  }
}
