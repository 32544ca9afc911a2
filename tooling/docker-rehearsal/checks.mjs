// A named pass/fail list: each check prints one line as it settles, and the run ends with a
// `N passed, M failed` line that CI can read.

export class Checks {
  /** @type {{ name: string, ok: boolean, detail: string }[]} */
  results = [];

  constructor(log) {
    this.log = log;
  }

  /** Runs fn; it returns a short detail on success and throws an Error that says what was wrong. */
  async check(name, fn) {
    try {
      const detail = (await fn()) ?? '';
      this.results.push({ name, ok: true, detail });
      this.log(`  ok    ${name}${detail ? ` (${detail})` : ''}`);
      return true;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.results.push({ name, ok: false, detail });
      this.log(`  FAIL  ${name}\n        ${detail.replace(/\n/g, '\n        ')}`);
      return false;
    }
  }

  get failed() {
    return this.results.filter((result) => !result.ok);
  }

  summary() {
    const failed = this.failed.length;
    return `${this.results.length - failed} passed, ${failed} failed`;
  }
}
