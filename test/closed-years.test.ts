import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { BIN, ROOT, copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir, writeJson } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

/**
 * Issue 15: years that are closed. `year close` freezes a year in a manifest linked to the year
 * before; every write to a closed year is refused by the store; `year reopen` is recorded; `verify`
 * names every file that changed, appeared or went away, and checks Ed25519 signatures.
 */

let ws: string;
let keys: string;
// A day in 2024, so that 2024 and 2025 are open years by the calendar: only their closing keeps them still.
const NOW = '2024-11-20T10:00:00.000Z';
const cli = (args: string[], env: Record<string, string> = {}) => run(['--dir', ws, ...args], { cwd: ws, env: { EFTERLEV_NOW: NOW, ...env } });
const ok = async (args: string[], env: Record<string, string> = {}) => {
  const r = await cli(args, env);
  expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0);
  return r;
};

type Manifest = { year: number; closedBy: string; closedAt: string; previous: { year: number; hash: string } | null; supersedes: null | { hash: string; reopenedBy: string; reason: string }; files: Record<string, string>; catalogue: { versions: Record<string, string>; files: Record<string, string> } };
type Closing = { hash: string; manifest: Manifest; signature?: { algorithm: string; key: string; value: string } };
type Record_ = { year: number; closed: Closing | null; history: { closing: Closing; reopened: { by: string; at: string; reason: string } }[] };
const record = (year: number) => readJson<Record_>(join(ws, 'answers', 'closed', `${year}.json`));
const answers = () => snapshot(join(ws, 'answers'));
/** "N filer och M katalogfiler" as verify says it, from the manifest of the closed year. */
const counted = (year: number) => {
  const m = record(year).closed!.manifest;
  return `${Object.keys(m.files).length} filer och ${Object.keys(m.catalogue.files).length} katalogfiler`;
};
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const canonical = (v: unknown): string =>
  v === null || typeof v !== 'object'
    ? JSON.stringify(v)
    : Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : `{${Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;

/** Files of a year, as the snapshot helper names them (relative to answers/). */
const filesOf = (files: Record<string, string>, year: number) =>
  Object.keys(files).filter((f) => f.startsWith(`${year}/`) || new RegExp(`^(plan|observations|incidents|register)/${year}\\.json$`).test(f));
const pick = (files: Record<string, string>, names: string[]) => Object.fromEntries(names.map((n) => [n, files[n]]));

beforeEach(() => {
  ws = copyExampleWorkspace();
  keys = tempDir('efterlev-keys-');
});
afterEach(() => {
  removeDir(ws);
  removeDir(keys);
});

async function closeBoth(): Promise<void> {
  await ok(['year', 'close', '2024', '--by', 'Eva Ek, nämndsekreterare']);
  await ok(['year', 'close', '2025', '--by', 'Eva Ek, nämndsekreterare']);
}

describe('year close', () => {
  it('closes 2024 and 2025 into a chain, with a checksum of every file of the year and the catalogue', async () => {
    const r = await ok(['year', 'close', '2024', '--by', 'Eva Ek', '--json']);
    const closed = JSON.parse(r.stdout) as { year: number; hash: string; previous: unknown; files: string[]; versions: Record<string, string> };
    expect(closed).toMatchObject({ year: 2024, previous: null, versions: { dso: expect.any(String), itsak: expect.any(String) } });
    const first = record(2024).closed!;
    expect(first.hash).toBe(closed.hash);
    // The manifest hash is the SHA-256 of its canonical JSON.
    expect(createHash('sha256').update(canonical(first.manifest)).digest('hex')).toBe(first.hash);
    expect(first.manifest).toMatchObject({ year: 2024, closedBy: 'Eva Ek', closedAt: NOW, previous: null, supersedes: null });
    // Every answer file of 2024, its plan and its register snapshot, each with its SHA-256.
    const expected = readdirSync(join(ws, 'answers', '2024')).map((f) => `answers/2024/${f}`).concat(['answers/incidents/2024.json', 'answers/plan/2024.json', 'answers/register/2024.json']).sort();
    expect(Object.keys(first.manifest.files)).toEqual(expected);
    for (const f of expected) expect(first.manifest.files[f]).toBe(sha(join(ws, f)));
    // The catalogue in force (the bundled one here), file by file.
    expect(first.manifest.catalogue.files['checklists/dso.json']).toBe(sha(join(ROOT, 'checklists', 'dso.json')));
    expect(first.manifest.catalogue.files['rules/itsak/LOG.json']).toBe(sha(join(ROOT, 'rules', 'itsak', 'LOG.json')));

    await ok(['year', 'close', '2025', '--by', 'Eva Ek']);
    expect(record(2025).closed!.manifest.previous).toEqual({ year: 2024, hash: first.hash });
    expect(record(2025).closed!.manifest.files).toHaveProperty(['answers/observations/2025.json']);

    const list = JSON.parse((await ok(['year', 'list', '--json'])).stdout) as { years: { year: number; state: string; closedBy: string }[] };
    expect(list.years.map((y) => [y.year, y.state, y.closedBy])).toEqual([
      [2024, 'closed', 'Eva Ek'],
      [2025, 'closed', 'Eva Ek'],
    ]);
    expect((await ok(['year', 'list'])).stdout).toContain('2024  stängt 2024-11-20 av Eva Ek');
  });

  it('refuses a year out of order, a year closed already and a year without answers, writing nothing', async () => {
    const before = answers();
    let r = await cli(['year', 'close', '2025', '--by', 'Eva Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2024 är inte stängt: år stängs i ordning');
    r = await cli(['year', 'close', '2023', '--by', 'Eva Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2023 har inga svar');
    expect(answers()).toEqual(before);
    await ok(['year', 'close', '2024', '--by', 'Eva Ek']);
    r = await cli(['year', 'close', '2024', '--by', 'Per Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2024 är redan stängt (stängdes 2024-11-20 av Eva Ek)');
    r = await cli(['year', 'close', '2024']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("flaggan '--by <namn>' krävs");
  });

  it('refuses to close a year with an invalid file, naming it', async () => {
    const file = join(ws, 'answers', '2024', 'telefoni.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"value": "ja"', '"value": "kanske"'));
    const r = await cli(['year', 'close', '2024', '--by', 'Eva Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/answers\/2024\/telefoni\.json#\/answers\/[^ ]+\/value/);
    expect(existsSync(join(ws, 'answers', 'closed', '2024.json'))).toBe(false);
  });

  it('takes the register snapshot of a year that has none, in the same unit as the manifest', async () => {
    rmSync(join(ws, 'answers', 'register', '2024.json'));
    const r = await ok(['year', 'close', '2024', '--by', 'Eva Ek']);
    expect(r.stdout).toContain('det togs nu ur tjänsteregistret');
    expect(record(2024).closed!.manifest.files['answers/register/2024.json']).toBe(sha(join(ws, 'answers', 'register', '2024.json')));
    await ok(['verify']);
  });
});

describe('a closed year refuses every write', () => {
  it('answer, import, plan set, plan import, observation add and incident add on 2024: exit 2, the year named, nothing written', async () => {
    // An incident of 2024 before closing, so the incident register of 2024 exists.
    await ok(['incident', 'add', '--service', 'office365', '--kind', 'mi', '--title', 'Driftstörning', '--occurred', '2024-03-04']);
    const acts = JSON.parse((await ok(['actions', '--year', '2024', '--json'])).stdout) as { actions: { id: string; status: string }[] };
    const action = acts.actions.find((a) => a.status === 'ej_påbörjad')!;
    const hp = join(keys, 'hp.csv');
    await ok(['export', '--year', '2024', '--format', 'csv', '--out', hp]);
    const lines = readFileSync(hp, 'utf8').split('\r\n');
    // Every text field is quoted in the CSV (LibreOffice's default import).
    const edited = lines.map((l) => (l.startsWith(`"${action.id}";`) ? l.replace(';"Ej påbörjad";', ';"Pågår";') : l));
    expect(edited).not.toEqual(lines);
    writeFileSync(hp, edited.join('\r\n'));
    const csv = join(keys, 'svar.csv');
    writeFileSync(csv, 'service;question;value;comment;evidence\noffice365;LOG.1;nej;;\ntelefoni;LOG.1;nej;;\n');

    await closeBoth();
    const before = answers();
    const refused: [string, string[], string][] = [
      ['answer', ['answer', '--year', '2024', '--service', 'office365', 'LOG.1=nej', 'LOG.2=nej'], 'answers/2024/office365.json'],
      ['import (two services, one unit)', ['import', '--year', '2024', csv], 'answers/2024/office365.json, answers/2024/telefoni.json'],
      ['plan set', ['plan', 'set', action.id, '--year', '2024', '--status', 'pågår'], 'answers/plan/2024.json'],
      ['plan import', ['plan', 'import', hp, '--year', '2024'], 'answers/plan/2024.json'],
      ['observation add', ['observation', 'add', '--year', '2024', 'En iakttagelse i efterhand'], 'answers/observations/2024.json'],
      ['incident add', ['incident', 'add', '--service', 'telefoni', '--kind', 'mi', '--title', 'Växeln nere', '--occurred', '2024-06-01'], 'answers/incidents/2024.json'],
    ];
    for (const [name, args, file] of refused) {
      const r = await cli(args);
      expect(r.code, `${name}: ${r.stdout}${r.stderr}`).toBe(2);
      expect(r.stderr, name).toContain(`Året 2024 är stängt (stängdes 2024-11-20 av Eva Ek, nämndsekreterare)`);
      expect(r.stderr, name).toContain(file);
      expect(r.stderr, name).toContain('efterlev year reopen 2024 --reason');
      expect(r.stderr, name).not.toMatch(/\n\s+at |oväntat fel/);
      expect(answers(), name).toEqual(before);
    }
    await ok(['verify']);
  });

  it('a multi-file commit touching an open and a closed year writes neither', async () => {
    await ok(['incident', 'add', '--service', 'office365', '--kind', 'mi', '--title', 'Driftstörning', '--occurred', '2024-03-04']);
    await ok(['incident', 'add', '--service', 'office365', '--kind', 'mi', '--title', 'Inloggning nere', '--occurred', '2025-02-10', '--id', 'X-1']);
    await ok(['year', 'close', '2024', '--by', 'Eva Ek']);
    const before = answers();
    // Correcting the date moves the incident from the open 2025 file to the closed 2024 one.
    const r = await cli(['incident', 'set', 'X-1', '--occurred', '2024-12-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Året 2024 är stängt');
    expect(r.stderr).toContain('answers/incidents/2024.json');
    expect(answers()).toEqual(before);
    // The open year is still open: an incident of 2025 is added; 2024's register stays as it was.
    await ok(['incident', 'add', '--service', 'telefoni', '--kind', 'mi', '--title', 'Växeln nere', '--occurred', '2025-06-01']);
    expect(answers()['incidents/2024.json']).toBe(before['incidents/2024.json']);
    await ok(['verify']);
  });

  it('service set changes the register and the open years snapshots, never a closed year snapshot', async () => {
    await ok(['year', 'close', '2024', '--by', 'Eva Ek']);
    const before = answers();
    const r = await ok(['service', 'set', 'office365', '--owner', 'Ny Ägare', '--classification', 'K4R3T3S3']);
    expect(r.stdout).toContain('Ny Ägare');
    const after = answers();
    expect(after['services.json']).not.toBe(before['services.json']);
    // 2025 is open and, in November 2024, not past: its snapshot follows the register.
    expect(after['register/2025.json']).not.toBe(before['register/2025.json']);
    expect(pick(after, filesOf(after, 2024))).toEqual(pick(before, filesOf(before, 2024)));
    await ok(['verify']);

    // With both years closed, only the register itself changes.
    await ok(['year', 'close', '2025', '--by', 'Eva Ek']);
    const closed = answers();
    await ok(['service', 'set', 'office365', '--owner', 'Tredje Ägaren']);
    const later = answers();
    expect(later['services.json']).not.toBe(closed['services.json']);
    expect({ ...later, 'services.json': '' }).toEqual({ ...closed, 'services.json': '' });
    await ok(['verify']);
  });

  it('refuses writes when the year record is broken, naming the record', async () => {
    await ok(['year', 'close', '2024', '--by', 'Eva Ek']);
    writeFileSync(join(ws, 'answers', 'closed', '2024.json'), '{ "year": 2024, ');
    const before = answers();
    const r = await cli(['answer', '--year', '2024', '--service', 'office365', 'LOG.1=nej']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('answers/closed/2024.json');
    expect(answers()).toEqual(before);
    const v = await cli(['validate']);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('answers/closed/2024.json');
  });
});

/** A CLI process started in the background; `stopped` resolves when it has stopped itself at EFTERLEV_TEST_STOP_AT. */
function background(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, '--dir', ws, ...args], { env: { ...process.env, NO_COLOR: '1', EFTERLEV_NOW: NOW, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const stopped = async (): Promise<void> => {
    for (let i = 0; i < 1000; i++) {
      if (readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.[0] === 'T') return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the process did not stop');
  };
  return { child, done, stopped };
}

describe('closing and writing at the same time', () => {
  it('a write under way when the year is closed is in the manifest; a write waiting for a close in progress is refused', async () => {
    // A writer stopped inside its locks, its answer staged: the close waits for it, then includes it.
    const writer = background(['answer', '--year', '2024', '--service', 'office365', 'LOG.1=nej'], { EFTERLEV_TEST_STOP_AT: 'after-read' });
    await writer.stopped();
    const closing = background(['year', 'close', '2024', '--by', 'Eva Ek']);
    await new Promise((r) => setTimeout(r, 800));
    expect(existsSync(join(ws, 'answers', 'closed', '2024.json'))).toBe(false);
    writer.child.kill('SIGCONT');
    expect((await writer.done).code).toBe(0);
    const closed = await closing.done;
    expect(closed.code, closed.stderr).toBe(0);
    const file = join(ws, 'answers', '2024', 'office365.json');
    expect(readJson<{ answers: Record<string, { value: string }> }>(file).answers['LOG.1']!.value).toBe('nej');
    expect(record(2024).closed!.manifest.files['answers/2024/office365.json']).toBe(sha(file));

    // A close stopped inside its locks, its record staged: a writer that comes meanwhile waits, then is refused.
    const before = answers();
    const close2025 = background(['year', 'close', '2025', '--by', 'Eva Ek'], { EFTERLEV_TEST_STOP_AT: 'after-read' });
    await close2025.stopped();
    const late = background(['answer', '--year', '2025', '--service', 'office365', 'LOG.1=nej']);
    await new Promise((r) => setTimeout(r, 1500));
    close2025.child.kill('SIGCONT');
    expect((await close2025.done).code).toBe(0);
    const refused = await late.done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Året 2025 är stängt');
    expect({ ...answers(), 'closed/2025.json': '' }).toEqual({ ...before, 'closed/2025.json': '' });
    await ok(['verify']);
  });
});

describe('year reopen', () => {
  it('is refused while a later year is closed; the latest year reopens with a reason, takes a write and closes again into the chain', async () => {
    await closeBoth();
    const first2025 = record(2025).closed!;
    let r = await cli(['year', 'reopen', '2024', '--reason', 'Rättelse', '--by', 'Per Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025 är stängt och bygger på 2024');
    r = await cli(['year', 'reopen', '2025', '--by', 'Per Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("flaggan '--reason <text>' krävs");

    await ok(['year', 'reopen', '2025', '--reason', 'KP4 rättad efter revisionens påpekande', '--by', 'Per Ek']);
    expect(record(2025)).toMatchObject({ closed: null, history: [{ closing: first2025, reopened: { by: 'Per Ek', at: NOW, reason: 'KP4 rättad efter revisionens påpekande' } }] });
    const list = JSON.parse((await ok(['year', 'list', '--json'])).stdout) as { years: { year: number; state: string; reopenings: unknown[] }[] };
    expect(list.years[1]).toMatchObject({ year: 2025, state: 'open', reopenings: [{ by: 'Per Ek', reason: 'KP4 rättad efter revisionens påpekande' }] });
    r = await cli(['year', 'reopen', '2025', '--reason', 'igen', '--by', 'Per Ek']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2025 är inte stängt (öppnades igen 2024-11-20 av Per Ek)');

    // Open again: a write goes through, and 2024 is still closed.
    await ok(['answer', '--year', '2025', '--service', 'organisation', 'KP4.1=ja', '--comment', 'Registret kompletterat']);
    expect((await cli(['answer', '--year', '2024', '--service', 'organisation', 'KP4.1=nej'])).code).toBe(2);

    const later = '2024-12-02T08:00:00.000Z';
    await ok(['year', 'close', '2025', '--by', 'Eva Ek'], { EFTERLEV_NOW: later });
    const again = record(2025);
    expect(again.closed!.manifest).toMatchObject({
      closedAt: later,
      previous: { year: 2024, hash: record(2024).closed!.hash },
      supersedes: { hash: first2025.hash, reopenedBy: 'Per Ek', reason: 'KP4 rättad efter revisionens påpekande' },
    });
    expect(again.closed!.hash).not.toBe(first2025.hash);
    expect(again.closed!.manifest.files['answers/2025/organisation.json']).not.toBe(first2025.manifest.files['answers/2025/organisation.json']);
    expect(again.history).toHaveLength(1);

    const v = await ok(['verify']);
    expect(v.stdout).toContain('2025: stängt 2024-12-02 av Eva Ek');
    expect(v.stdout).toContain('öppnat igen 2024-11-20 av Per Ek: KP4 rättad efter revisionens påpekande, stängt på nytt');
    expect(v.stdout).toContain('Alla 2 stängda år stämmer med sina manifest och kedjan 2024 → 2025 är hel.');
    const json = JSON.parse((await ok(['verify', '--json'])).stdout) as { ok: boolean; years: { year: number; reopenings: { reason: string }[] }[] };
    expect(json.ok).toBe(true);
    expect(json.years[1]!.reopenings.map((x) => x.reason)).toEqual(['KP4 rättad efter revisionens påpekande']);
  });
});

describe('verify', () => {
  it('is clean after closing (exit 0) and with no closed year', async () => {
    let r = await ok(['verify']);
    expect(r.stdout).toContain('Inga stängda år att kontrollera.');
    await closeBoth();
    r = await ok(['verify']);
    expect(r.stdout).toContain('Alla 2 stängda år stämmer med sina manifest och kedjan 2024 → 2025 är hel.');
    expect(r.stderr).toBe('');
  });

  it('names a file edited by one byte, one deleted and one added (exit 1), and changes nothing', async () => {
    await closeBoth();
    const edited = join(ws, 'answers', '2024', 'office365.json');
    const bytes = readFileSync(edited);
    const at = bytes.indexOf('"ja"') + 1;
    bytes[at] = 'n'.charCodeAt(0); // "ja" → "na"
    writeFileSync(edited, bytes);
    rmSync(join(ws, 'answers', '2024', 'telefoni.json'));
    cpSync(join(ws, 'answers', '2025', 'office365.json'), join(ws, 'answers', '2024', 'nytt-system.json'));
    const before = answers();
    const r = await cli(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('3 avvikelser mot de stängda årens manifest');
    expect(r.stderr).toContain('answers/2024/office365.json: ändrad sedan 2024 stängdes (2024-11-20 av Eva Ek, nämndsekreterare)');
    expect(r.stderr).toContain('answers/2024/telefoni.json: borttagen sedan 2024 stängdes');
    expect(r.stderr).toContain('answers/2024/nytt-system.json: tillagd sedan 2024 stängdes');
    expect(r.stdout).toContain(`2024: stängt 2024-11-20 av Eva Ek, nämndsekreterare, ${counted(2024)} — 3 avvikelser`);
    expect(r.stdout).toContain('— stämmer');
    const json = await cli(['verify', '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; findings: { year: number; kind: string; file: string }[] };
    expect(report.ok).toBe(false);
    expect(report.findings.map((f) => [f.year, f.kind, f.file])).toEqual([
      [2024, 'added', 'answers/2024/nytt-system.json'],
      [2024, 'changed', 'answers/2024/office365.json'],
      [2024, 'removed', 'answers/2024/telefoni.json'],
    ]);
    expect(answers()).toEqual(before);
  });

  it('sees a manifest edited to hide a change: its own checksum, and the next year\u2019s link', async () => {
    await closeBoth();
    const file = join(ws, 'answers', '2024', 'office365.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"value": "ja"', '"value": "nej"'));
    const path = join(ws, 'answers', 'closed', '2024.json');
    const rec = record(2024);
    rec.closed!.manifest.files['answers/2024/office365.json'] = sha(file);
    writeJson(path, rec);
    let r = await cli(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('answers/closed/2024.json: manifestet har ändrats efter stängningen');
    // A careful forger recomputes the manifest's hash too; the chain still gives it away.
    rec.closed!.hash = createHash('sha256').update(canonical(rec.closed!.manifest)).digest('hex');
    writeJson(path, rec);
    r = await cli(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('manifestet har ändrats');
    expect(r.stderr).toContain('answers/closed/2025.json: kedjan är bruten: 2025 länkar till 2024 med en annan kontrollsumma');
    // Deleting the record to reopen 2024 unrecorded breaks the chain as well.
    rmSync(path);
    r = await cli(['verify']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kedjan är bruten: 2025 länkar till 2024, som inte är stängt (answers/closed/2024.json saknas)');
  });

  it('names a changed catalogue file; migrate skips a closed year and says so', async () => {
    removeDir(ws);
    ws = tempDir();
    writeMiniCatalog(ws);
    await ok(['init', '--name', 'Testkommunen']);
    await ok(['service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T3S2']);
    await ok(['answer', '--year', '2024', '--service', 'webb', 'ACC.1=nej', 'ACC.2=nej', 'KON.1=ja']);
    await ok(['year', 'close', '2024', '--by', 'Eva Ek']);
    expect(record(2024).closed!.manifest.catalogue).toMatchObject({ checklists: 'workspace', rules: 'workspace', versions: { mini: '1' } });
    // Version 2 of the catalogue: KON.1 removed, which migrate would write into the history.
    writeMiniCatalog(ws, ({ mini }) => {
      mini.version = '2';
      mini.controls = mini.controls.filter((c) => c.id !== 'KON');
    });
    writeJson(join(ws, 'checklists', 'migrations', 'mini.json'), {
      checklist: 'mini',
      from: '1',
      to: '2',
      questions: [
        { from: 'ACC.1', to: 'ACC.1' },
        { from: 'ACC.2', to: 'ACC.2' },
        { from: 'ACC.3', to: 'ACC.3' },
        { from: 'ACC.4', to: 'ACC.4' },
        { from: 'LOG.1', to: 'LOG.1' },
        { from: 'LOG.2', to: 'LOG.2' },
        { from: 'LOG.3', to: 'LOG.3' },
        { from: 'KON.1', to: null },
      ],
    });
    const before = answers();
    const m = await ok(['migrate']);
    expect(m.stdout).toContain('2024 är stängt (2024-11-20 av Eva Ek) och skrevs inte om');
    expect(answers()).toEqual(before);
    const mj = JSON.parse((await ok(['migrate', '--dry-run', '--json'])).stdout) as { skipped: { year: number }[] };
    expect(mj.skipped.map((s) => s.year)).toEqual([2024]);

    const v = await cli(['verify', '--json']);
    expect(v.code).toBe(1);
    const report = JSON.parse(v.stdout) as { findings: { kind: string; file: string; message: string }[] };
    expect(report.findings.map((f) => [f.kind, f.file])).toEqual(
      expect.arrayContaining([
        ['catalogue', 'checklists/mini.json'],
        ['catalogue', 'checklists/migrations/mini.json'],
      ]),
    );
    expect(report.findings.find((f) => f.message.includes('version'))?.message).toBe('katalogen mini hade version 1 när 2024 stängdes, nu 2');
    expect(report.findings.every((f) => f.kind === 'catalogue')).toBe(true);
  });
});

describe('signed years', () => {
  it('keygen writes a private key (0600) and its public key outside the workspace, never inside, never over a file', async () => {
    const key = join(keys, 'nyckel.pem');
    const r = await ok(['year', 'keygen', '--out', key, '--json']);
    const out = JSON.parse(r.stdout) as { privateKey: string; publicKey: string; fingerprint: string };
    expect(out).toMatchObject({ privateKey: key, publicKey: `${key}.pub`, fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toContain('-----BEGIN PRIVATE KEY-----');
    expect(readFileSync(`${key}.pub`, 'utf8')).toContain('-----BEGIN PUBLIC KEY-----');
    const again = await cli(['year', 'keygen', '--out', key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('finns redan');
    for (const inside of [join(ws, 'nyckel.pem'), join(ws, 'answers', 'nyckel.pem'), 'nyckel.pem']) {
      const bad = await cli(['year', 'keygen', '--out', inside]);
      expect(bad.code, inside).toBe(2);
      expect(bad.stderr).toContain('en privat nyckel får aldrig ligga i arbetsytan');
    }
    expect(existsSync(join(ws, 'nyckel.pem'))).toBe(false);
    // A private key placed in the workspace is not used to sign either.
    cpSync(key, join(ws, 'nyckel.pem'));
    const sign = await cli(['year', 'close', '2024', '--by', 'Eva Ek', '--sign-key', join(ws, 'nyckel.pem')]);
    expect(sign.code).toBe(2);
    expect(sign.stderr).toContain('ligger i arbetsytan');
    expect(existsSync(join(ws, 'answers', 'closed', '2024.json'))).toBe(false);
  });

  it('signs a closing, verifies it with the public key, and reports a wrong key or a forged manifest as bad', async () => {
    const key = join(keys, 'nyckel.pem');
    const other = join(keys, 'annan.pem');
    await ok(['year', 'keygen', '--out', key]);
    await ok(['year', 'keygen', '--out', other]);
    await ok(['year', 'close', '2024', '--by', 'Eva Ek', '--sign-key', key]);
    await ok(['year', 'close', '2025', '--by', 'Eva Ek']);
    const signature = record(2024).closed!.signature!;
    expect(signature).toMatchObject({ algorithm: 'ed25519', key: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The private key is nowhere in the workspace.
    const pem = readFileSync(key, 'utf8').split('\n')[1]!;
    for (const f of Object.keys(snapshot(ws))) expect(readFileSync(join(ws, f), 'utf8')).not.toContain(pem);

    let r = await ok(['verify', '--public-key', `${key}.pub`]);
    expect(r.stdout).toContain(`2024: stängt 2024-11-20 av Eva Ek, ${counted(2024)} — stämmer; signaturen giltig`);
    expect(r.stdout).toContain('— stämmer; osignerat');
    expect(r.stdout).toContain('1 av 2 har en giltig signatur.');
    const json = JSON.parse((await ok(['verify', '--public-key', `${key}.pub`, '--json'])).stdout) as { years: { year: number; signature: string; signedBy: string | null }[] };
    expect(json.years.map((y) => [y.year, y.signature, y.signedBy])).toEqual([
      [2024, 'valid', signature.key],
      [2025, 'unsigned', null],
    ]);
    r = await ok(['verify']);
    expect(r.stdout).toContain('signerat (inte kontrollerat)');

    r = await cli(['verify', '--public-key', `${other}.pub`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`2024: stängt 2024-11-20 av Eva Ek, ${counted(2024)} — 1 avvikelse; signaturen OGILTIG`);
    expect(r.stderr).toContain('answers/closed/2024.json: signaturen är gjord med en annan nyckel');

    r = await cli(['verify', '--public-key', `${key}.pub`, '--require-signature']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2025 är inte signerat, och signaturer krävs');

    r = await cli(['verify', '--public-key', key]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('är en privat nyckel: ange den publika');

    // A forger who rewrites the manifest and its hash cannot sign it again without the key.
    const path = join(ws, 'answers', 'closed', '2024.json');
    const rec = record(2024);
    rec.closed!.manifest.closedBy = 'Någon annan';
    rec.closed!.hash = createHash('sha256').update(canonical(rec.closed!.manifest)).digest('hex');
    writeJson(path, rec);
    r = await cli(['verify', '--public-key', `${key}.pub`, '--json']);
    expect(r.code).toBe(1);
    const forged = JSON.parse(r.stdout) as { years: { year: number; signature: string }[]; findings: { kind: string; message: string }[] };
    expect(forged.years[0]).toMatchObject({ year: 2024, signature: 'bad' });
    expect(forged.findings.map((f) => f.kind)).toEqual(['signature', 'chain']);
    expect(forged.findings[0]!.message).toContain('signaturen stämmer inte med manifestet');
  });
});
