export interface Note {
  id: number;
  text: string;
  done: boolean;
  updatedAt: string;
}

/** In-memory notes, at most `capacity` of them: creating one more drops the oldest. */
export class NotesStore {
  private readonly notes = new Map<number, Note>();
  private nextId = 1;

  constructor(readonly capacity = 100) {}

  list(): Note[] {
    return [...this.notes.values()];
  }

  get(id: number): Note | undefined {
    return this.notes.get(id);
  }

  create(text: string, done = false): Note {
    if (this.notes.size >= this.capacity) {
      const oldest = this.notes.keys().next();
      if (!oldest.done) this.notes.delete(oldest.value);
    }
    const note = { id: this.nextId++, text, done, updatedAt: new Date().toISOString() };
    this.notes.set(note.id, note);
    return note;
  }

  update(id: number, changes: Partial<Pick<Note, 'text' | 'done'>>): Note | undefined {
    const note = this.notes.get(id);
    if (!note) return undefined;
    const updated = { ...note, ...changes, updatedAt: new Date().toISOString() };
    this.notes.set(id, updated);
    return updated;
  }

  delete(id: number): boolean {
    return this.notes.delete(id);
  }
}
