import type { Adapter } from 'lowdb';
import { TextFile } from 'lowdb/node';

/**
 * The lowdb adapter for every workspace file: reads through the file's own validating loader
 * (strict UTF-8, schema, cross-checks), writes its canonical form atomically through steno.
 */
export class ValidatedJsonFile<T> implements Adapter<T> {
  private readonly text: TextFile;

  constructor(
    path: string,
    private readonly load: () => T | undefined,
    private readonly serialize: (data: T) => string,
  ) {
    this.text = new TextFile(path);
  }

  async read(): Promise<T | null> {
    return this.load() ?? null;
  }

  write(data: T): Promise<void> {
    return this.text.write(this.serialize(data));
  }
}
