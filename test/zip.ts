import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** One file in a zip archive, as the tests build hostile XLSX files. */
export interface ZipEntry {
  name: string;
  data: Buffer;
  /** What the archive claims the inflated size is; the real size unless a test lies. */
  declaredSize?: number;
}

/** The entries of a zip archive (deflate or store), read from its central directory. */
export function readZip(zip: Buffer): ZipEntry[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** A deflated zip archive of the entries, with each entry's declared size as given. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const header = (central: boolean): Buffer => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      let p = 4;
      if (central) {
        b.writeUInt16LE(20, p);
        p += 2;
      }
      b.writeUInt16LE(20, p); // version needed
      b.writeUInt16LE(0x0800, p + 2); // UTF-8 names
      b.writeUInt16LE(8, p + 4); // deflate
      b.writeUInt32LE(0, p + 6); // time, date
      b.writeUInt32LE(crc32(e.data), p + 10);
      b.writeUInt32LE(packed.length, p + 14);
      b.writeUInt32LE(size, p + 18);
      b.writeUInt16LE(name.length, p + 22);
      b.writeUInt16LE(0, p + 24);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    centrals.push(header(true), name);
    locals.push(header(false), name, packed);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Rewrites one entry of a zip archive (an XLSX part) as text. */
export function editZipEntry(zip: Buffer, name: string, edit: (xml: string) => string): Buffer {
  return writeZip(readZip(zip).map((e) => (e.name === name ? { name, data: Buffer.from(edit(e.data.toString('utf8')), 'utf8') } : e)));
}
