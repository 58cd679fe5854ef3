import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

let ws: string;
const answerFile = (year: number, service: string) => join(ws, 'answers', String(year), `${service}.json`);
const cli = (...args: string[]) => run(['--dir', ws, ...args]);

beforeAll(() => {
  ws = tempDir();
  writeMiniCatalog(ws);
});
afterAll(() => removeDir(ws));

describe('a workspace from scratch', () => {
  it('init creates the register, readable by the owner only', async () => {
    const r = await cli('init', '--name', 'Testkommunen');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readJson(join(ws, 'answers', 'services.json'))).toEqual({ organisation: { name: 'Testkommunen' }, services: [], history: [] });
    expect(statSync(join(ws, 'answers', 'services.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(ws, 'answers')).mode & 0o777).toBe(0o700);
  });

  it('init refuses to overwrite an existing workspace', async () => {
    const before = snapshot(ws);
    const r = await cli('init');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Det finns redan en arbetsyta');
    expect(snapshot(ws)).toEqual(before);
  });

  it('service add registers services with their metadata', async () => {
    const a = await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--owner', 'Anna Ek', '--supplier', 'Lev AB', '--sensitive', '--classification', 'K3R2T3S2');
    expect(a.code).toBe(0);
    const b = await cli('service', 'add', 'intern', '--name', 'Intern wiki', '--personal-data', 'nej', '--classification', 'k1r1t1s1');
    expect(b.code).toBe(0);
    expect(readJson<{ services: unknown[] }>(join(ws, 'answers', 'services.json')).services).toEqual([
      { id: 'intern', name: 'Intern wiki', personalData: false, sensitiveData: false, thirdCountry: false, classification: { K: 1, R: 1, T: 1, S: 1 } },
      {
        id: 'webb',
        name: 'Webbportalen',
        owner: 'Anna Ek',
        supplier: 'Lev AB',
        personalData: true,
        sensitiveData: true,
        thirdCountry: false,
        classification: { K: 3, R: 2, T: 3, S: 2 },
      },
    ]);
    const list = await cli('service', 'list', '--json');
    expect(JSON.parse(list.stdout).services).toHaveLength(2);
  });

  it.each([
    [['service', 'add', '../../x', '--name', 'X'], 'Tjänste-id'],
    [['service', 'add', 'a/b', '--name', 'X'], 'Tjänste-id'],
    [['service', 'add', 'organisation', '--name', 'X'], 'reserverat'],
    [['service', 'add', 'con', '--name', 'X'], "id: 'con' är ett reserverat namn i Windows och kan inte bli ett filnamn"],
    [['service', 'add', 'lpt1', '--name', 'X'], "id: 'lpt1' är ett reserverat namn i Windows"],
    [['service', 'add', 'webb', '--name', 'X'], 'finns redan'],
    [['service', 'add', 'ny', '--name', 'X', '--classification', 'K5'], 'Ogiltig klassning'],
  ])('service add %j is refused without changing anything', async (args, message) => {
    const before = snapshot(ws);
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('answers', () => {
  it('answer stores values with comment, evidence, who and when', async () => {
    const r = await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej', 'LOG.1=Delvis', 'LOG.3=4', 'ACC.3=2024-05-01', '--comment', 'Ingen granskning; se "rapport"', '--evidence', 'Dnr 2025-17', '--reviewer', 'anna');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = readJson<{ answers: Record<string, Record<string, unknown>> }>(answerFile(2025, 'webb'));
    expect(Object.keys(file.answers)).toEqual(['ACC.1', 'ACC.3', 'LOG.1', 'LOG.3']);
    expect(file.answers['LOG.1']).toMatchObject({ value: 'delvis', comment: 'Ingen granskning; se "rapport"', evidence: 'Dnr 2025-17', by: 'anna' });
    expect(file.answers['LOG.3']?.value).toBe(4);
    expect(Date.parse(file.answers['ACC.1']!.at as string)).not.toBeNaN();
    expect(statSync(answerFile(2025, 'webb')).mode & 0o777).toBe(0o600);
  });

  it('a changed answer keeps the earlier one in the history', async () => {
    const r = await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=ja', '--reviewer', 'bertil', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ year: 2025, service: 'webb', changes: [{ question: 'ACC.1', kind: 'changed', value: 'ja', from: 'nej' }] });
    const show = await cli('show', '--year', '2025', '--service', 'webb', '--json');
    const shown = JSON.parse(show.stdout);
    expect(Object.keys(shown)).toEqual(['year', 'service', 'answers', 'history']);
    expect(shown.answers['ACC.1']).toMatchObject({ value: 'ja', by: 'bertil' });
    expect(shown.history).toEqual([expect.objectContaining({ question: 'ACC.1', value: 'nej', by: 'anna', comment: 'Ingen granskning; se "rapport"' })]);
  });

  it('keeps the comment when the same value is given again without one', async () => {
    await cli('answer', '--year', '2025', '--service', 'webb', 'LOG.1=delvis');
    expect(readJson<{ answers: Record<string, { comment?: string }> }>(answerFile(2025, 'webb')).answers['LOG.1']?.comment).toBe('Ingen granskning; se "rapport"');
  });

  it.each([
    [['ACC.99=ja'], "'ACC.99': okänd fråga"],
    [['ORG.1=ja'], "'ORG.1': okänd fråga"],
    [['ACC.1=kanske'], 'tillåtna: ja, delvis, nej, ej_tillamplig'],
    [['ACC.3=2025-02-30'], '30 februari finns inte'],
    [['ACC.3=2025-3-14'], 'skriv ÅÅÅÅ-MM-DD'],
    [['LOG.3=-1'], 'mindre än 0'],
    [['LOG.3=2.5'], 'heltal'],
    [['LOG.2=ofta'], 'aldrig, ibland, alltid'],
    [['ACC.1ja'], 'FRÅGA=VÄRDE'],
    [['ACC.1=ja', 'ACC.2=kanske'], 'ingenting sparades'],
  ])('answer %j is refused, exit 2, nothing written', async (pairs, message) => {
    const before = snapshot(ws);
    const r = await cli('answer', '--year', '2025', '--service', 'webb', ...pairs);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(snapshot(ws)).toEqual(before);
  });

  it.each([
    [['--year', 'abc'], "Ogiltigt år 'abc'"],
    [['--year', '99999'], "Ogiltigt år '99999'"],
    [['--year', '2025', '--service', 'okand'], "Okänd tjänst 'okand'"],
  ])('answer with %j is refused', async (args, message) => {
    const before = snapshot(ws);
    const r = await cli('answer', '--service', 'webb', ...args, 'ACC.1=ja');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(snapshot(ws)).toEqual(before);
  });

  it('stores an answer to a question that does not apply, with a warning, and leaves it out of scoring', async () => {
    const r = await cli('answer', '--year', '2025', '--service', 'intern', 'ACC.4=nej', 'ACC.1=ja');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ACC.4 gäller inte intern');
    const score = JSON.parse((await cli('score', '--year', '2025', '--service', 'intern', '--json')).stdout);
    const acc = score.services[0].checklists[0].controls.find((c: { control: string }) => c.control === 'ACC');
    expect(acc).toMatchObject({ total: 3, answered: 1 });
  });

  it('answers for the organisation go to the organisation-level checklist', async () => {
    const r = await cli('answer', '--year', '2025', '--service', 'organisation', 'ORG.1=ja', 'ORG.2=delvis');
    expect(r.code).toBe(0);
    expect(Object.keys(readJson<{ answers: object }>(answerFile(2025, 'organisation')).answers)).toEqual(['ORG.1', 'ORG.2']);
  });

  it('keeps every answer when several processes answer the same service at once', async () => {
    const pairs = ['ACC.1=ja', 'ACC.2=delvis', 'ACC.3=2025-01-31', 'ACC.4=nej', 'LOG.1=ja', 'LOG.2=ibland', 'LOG.3=1', 'KON.1=ja'];
    const results = await Promise.all(pairs.map((p) => cli('answer', '--year', '2026', '--service', 'webb', p)));
    expect(results.map((r) => r.code)).toEqual(pairs.map(() => 0));
    const file = readJson<{ answers: Record<string, { value: unknown }> }>(answerFile(2026, 'webb'));
    expect(Object.fromEntries(Object.entries(file.answers).map(([k, a]) => [k, String(a.value)]))).toEqual(
      Object.fromEntries(pairs.map((p) => p.split('='))),
    );
    removeDir(join(ws, 'answers', '2026'));
  });

  it('takes over a stale lock left by a killed process', async () => {
    const lock = `${answerFile(2025, 'webb')}.lock`;
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const r = await cli('answer', '--year', '2025', '--service', 'webb', 'LOG.2=ibland');
    expect(r.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
    await cli('answer', '--year', '2025', '--service', 'webb', 'LOG.2=alltid');
  });

  it('show prints the answers as a table', async () => {
    const r = await cli('show', '--year', '2025', '--service', 'webb');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Webbportalen');
    expect(r.stdout).toMatch(/ACC\.1.*Ja/);
    expect(r.stdout).toContain('ej bedömd');
    expect(r.stdout).toMatch(/\d+ tidigare värden i historiken/);
  });
});

describe('score', () => {
  it('--json prints the documented shape with status and gaps', async () => {
    await cli('answer', '--year', '2025', '--service', 'webb', 'LOG.2=alltid', 'ACC.2=ja', 'ACC.4=ja');
    const r = await cli('score', '--year', '2025', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.year).toBe(2025);
    expect(out.services.map((s: { service: string }) => s.service)).toEqual(['organisation', 'intern', 'webb']);
    const webb = out.services[2].checklists[0];
    expect(webb.checklist).toBe('mini');
    const acc = webb.controls.find((c: { control: string }) => c.control === 'ACC');
    expect(acc).toEqual({
      control: 'ACC',
      score: 100,
      status: 'mellan',
      answered: 4,
      total: 4,
      legalUnanswered: 0,
      gaps: [
        { rule: 'ACC-granskning-gammal', severity: 'mellan' },
        { rule: 'ACC.1-underlag-saknas', severity: 'liten' },
      ],
    });
    const log = webb.controls.find((c: { control: string }) => c.control === 'LOG');
    expect(log.status).toBe('stor');
    expect(log.gaps).toEqual([
      { rule: 'LOG-kanslig-utan-granskning', severity: 'stor' },
      { rule: 'LOG-manga-incidenter', severity: 'mellan' },
    ]);
    // Nothing answered is ej bedömd: no score, no colour, never 0 and red.
    expect(webb.controls.find((c: { control: string }) => c.control === 'KON')).toMatchObject({ score: null, answered: 0, total: 1, status: 'ej_bedomd' });
    expect(out.services[2].review).toEqual({ state: 'pågår', answered: 7, applicable: 8 });
  });

  it('prints tables with the status names', async () => {
    const r = await cli('score', '--year', '2025', '--service', 'webb');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Avvikelse – stor');
    expect(r.stdout).toContain('Avvikelse – mellan/liten');
    expect(r.stdout).toContain('ACC Behörigheter');
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it('colours with FORCE_COLOR and not with --no-color', async () => {
    const coloured = await run(['--dir', ws, 'score', '--year', '2025'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(coloured.stdout).toMatch(/\x1b\[31m/);
    const plain = await run(['--dir', ws, '--no-color', 'score', '--year', '2025'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toMatch(/\x1b\[/);
  });

  it('speaks English with --lang en', async () => {
    const r = await cli('--lang', 'en', 'score', '--year', '2025', '--service', 'webb');
    expect(r.stdout).toContain('Deviation – major');
  });

  it('refuses an unknown checklist', async () => {
    const r = await cli('score', '--year', '2025', '--checklist', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Okänd checklista 'nope'");
  });
});

describe('validate and bad files', () => {
  it('is quiet and exits 0 on a good workspace', async () => {
    const r = await cli('validate');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Allt i ordning: 2 checklistor, 2 regelfiler (6 regler), 2 tjänster, 3 svarsfiler, 0 handlingsplaner');
  });

  it.each([
    ['a value the question does not allow', (t: string) => t.replace('"value": "ja"', '"value": "JA"'), /webb\.json#\/answers\/ACC\.1\/value \(rad \d+\): "JA" är inte ett tillåtet svar på ACC\.1/],
    ['broken JSON', (t: string) => t.replace('"answers": {', '"answers": {,'), /webb\.json \(rad 7, kolumn 15\): ogiltig JSON/],
    ['an unknown question id', (t: string) => t.replace('"ACC.1"', '"ACC.77"'), /webb\.json#\/answers\/ACC\.77 \(rad \d+\): okänd fråga 'ACC\.77'/],
    ['a missing field', (t: string) => t.replace(/"by": "bertil",\n\s*/, ''), /webb\.json#\/answers\/ACC\.1\/by \(rad \d+\): saknas/],
    ['an empty file', () => '', /webb\.json: filen är tom/],
    ['invalid UTF-8', () => Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('latin1'), /webb\.json: filen är inte giltig UTF-8/],
  ])('refuses %s in an answer file: exit 2 everywhere, file untouched', async (_name, edit, message) => {
    const path = answerFile(2025, 'webb');
    const good = readFileSync(path);
    const bad = edit(good.toString('utf8'));
    writeFileSync(path, _name === 'invalid UTF-8' ? Buffer.from(bad, 'latin1') : bad);
    try {
      const before = snapshot(ws);
      const v = await cli('validate');
      expect(v.code).toBe(2);
      expect(v.stderr).toMatch(message);
      for (const args of [['score', '--year', '2025'], ['answer', '--year', '2025', '--service', 'webb', 'ACC.2=nej'], ['show', '--year', '2025', '--service', 'webb']]) {
        const r = await cli(...args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(message);
      }
      expect(snapshot(ws)).toEqual(before);
    } finally {
      writeFileSync(path, good);
    }
  });

  it('refuses a broken rule file in the workspace catalogue for every command', async () => {
    const path = join(ws, 'rules', 'mini', 'ACC.json');
    const good = readFileSync(path, 'utf8');
    writeFileSync(path, good.replace('"operator": "equal"', '"operator": "equals"'));
    try {
      const before = snapshot(ws);
      const r = await cli('score', '--year', '2025', '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/rules\/mini\/ACC\.json#\/rules\/0\/conditions\/all\/0\/operator \(rad \d+\): ogiltigt värde/);
      expect(snapshot(ws)).toEqual(before);
    } finally {
      writeFileSync(path, good);
    }
  });

  it('refuses answer files for services not in the register', async () => {
    const path = join(ws, 'answers', '2025', 'spok.json');
    writeFileSync(path, '{}');
    try {
      const r = await cli('validate');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("tjänsten 'spok' finns inte i tjänsteregistret");
    } finally {
      removeDir(path);
    }
  });
});

describe('command line', () => {
  it('suggests the closest command for a typo, exit 2', async () => {
    const r = await cli('scroe');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("okänt kommando 'scroe'");
    expect(r.stderr).toContain('Menade du score?');
  });

  it('suggests the closest option, exit 2', async () => {
    const r = await cli('score', '--year', '2025', '--servce', 'webb');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("okänd flagga '--servce'");
    expect(r.stderr).toContain('Menade du --service?');
  });

  it('has --help on every command, in Swedish, exit 0', async () => {
    for (const args of [[], ['init'], ['service', 'add'], ['service', 'list'], ['answer'], ['show'], ['score'], ['validate']]) {
      const r = await run([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Användning:');
      expect(r.stdout).toContain('Exempel:');
    }
  });

  it('prints the version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(readJson<{ version: string }>(join(__dirname, '..', 'package.json')).version);
  });

  it('tells how to start when there is no workspace', async () => {
    const empty = tempDir();
    try {
      const r = await run(['score', '--year', '2025'], { cwd: empty });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('efterlev init');
    } finally {
      removeDir(empty);
    }
  });
});
