import { randomBytes } from 'node:crypto';

/** Session ids to user names, at most `capacity` of them: a new login drops the oldest. */
export class SessionStore {
  private readonly sessions = new Map<string, string>();

  constructor(readonly capacity = 1000) {}

  create(name: string): string {
    if (this.sessions.size >= this.capacity) {
      const oldest = this.sessions.keys().next();
      if (!oldest.done) this.sessions.delete(oldest.value);
    }
    const id = randomBytes(24).toString('base64url');
    this.sessions.set(id, name);
    return id;
  }

  nameOf(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  delete(id: string | undefined): void {
    if (id !== undefined) this.sessions.delete(id);
  }
}
