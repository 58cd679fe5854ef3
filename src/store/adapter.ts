import { Low, type Adapter } from 'lowdb';
import type { Transaction } from './transaction.js';

/**
 * The lowdb adapter for every workspace file: reads through the file's own validating parser
 * (strict UTF-8, schema, cross-checks) inside a transaction, and stages its canonical form there;
 * the transaction writes it (unique temp file, fsync, compare, rename).
 */
export class WorkspaceFile<T> implements Adapter<T> {
  constructor(
    private readonly tx: Transaction,
    private readonly path: string,
    private readonly parse: (text: string) => T,
    private readonly serialize: (data: T) => string,
  ) {}

  async read(): Promise<T | null> {
    const text = this.tx.read(this.path);
    return text === undefined ? null : this.parse(text);
  }

  async write(data: T): Promise<void> {
    this.tx.write(this.path, this.serialize(data));
  }
}

/** Opens one workspace file as a lowdb document inside a transaction; `empty` when it does not exist yet. */
export async function openDocument<T>(tx: Transaction, path: string, parse: (text: string) => T, serialize: (data: T) => string, empty: T): Promise<Low<T>> {
  const db = new Low<T>(new WorkspaceFile(tx, path, parse, serialize), empty);
  await db.read();
  return db;
}
