import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, removeDir, run, snapshot, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
type Stored = { answers: Record<string, { value: unknown; comment?: string; evidence?: string; by: string }>; history: { question: string; value: unknown }[] };
const stored = (year: number, service: string) => readJson<Stored>(join(ws, 'answers', String(year), `${service}.json`));
const file = (name: string, content: string | Buffer) => {
  const path = join(ws, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(async () => {
  ws = tempDir();
  writeMiniCatalog(ws);
  await cli('init');
  await cli('service', 'add', 'webb', '--name', 'Webbportalen', '--personal-data', '--classification', 'K2R2T2S2');
  await cli('service', 'add', 'intern', '--name', 'Intern wiki', '--classification', 'K1R1T1S1');
  await cli('answer', '--year', '2025', '--service', 'webb', 'ACC.1=nej', '--reviewer', 'anna');
});
afterAll(() => removeDir(ws));

describe('efterlev import', () => {
  it('reads CSV as Swedish Excel saves it (BOM, semicolon, quotes) and reports what changed', async () => {
    const csv = file(
      'svar.csv',
      '\ufefftjänst;fråga;svar;kommentar;underlag\r\n' +
        'webb;ACC.1;Ja;"Granskning gjord; se ""protokoll""";Dnr 2025-4\r\n' +
        'webb;LOG.3;3;;\r\n' +
        'intern;acc.2;delvis;"Två rader\r\ni kommentaren";\r\n' +
        'organisation;ORG.1;ja;;\r\n',
    );
    const r = await cli('import', '--year', '2025', csv, '--reviewer', 'importen');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('webb: 1 nya, 1 ändrade, 0 oförändrade');
    expect(r.stdout).toContain('ACC.1: nej → ja');
    expect(r.stdout).toContain('intern: 1 nya');
    const webb = stored(2025, 'webb');
    expect(webb.answers['ACC.1']).toMatchObject({ value: 'ja', comment: 'Granskning gjord; se "protokoll"', evidence: 'Dnr 2025-4', by: 'importen' });
    expect(webb.answers['LOG.3']?.value).toBe(3);
    expect(webb.history).toEqual([expect.objectContaining({ question: 'ACC.1', value: 'nej' })]);
    expect(stored(2025, 'intern').answers['ACC.2']?.comment).toBe('Två rader\ni kommentaren');
    expect(stored(2025, 'organisation').answers['ORG.1']?.value).toBe('ja');
  });

  it('reads comma-separated CSV, and reports unchanged answers', async () => {
    const csv = file('svar2.csv', 'service,question,value\nwebb,LOG.3,3\nwebb,LOG.1,nej\n');
    const r = await cli('import', '--year', '2025', csv, '--json');
    expect(JSON.parse(r.stdout)).toEqual({
      year: 2025,
      dryRun: false,
      services: [{ service: 'webb', added: [{ question: 'LOG.1', value: 'nej' }], changed: [], unchanged: 1 }],
    });
  });

  it('--dry-run reports what would change and writes nothing', async () => {
    const csv = file('prov.csv', 'service;question;value\nwebb;LOG.1;ja\nwebb;LOG.2;alltid\n');
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('import', '--year', '2025', csv, '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('webb: 1 nya, 1 ändrade, 0 oförändrade');
    expect(r.stdout).toContain('LOG.1: nej → ja');
    expect(r.stdout).toContain('Provkörning: ingenting har skrivits.');
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('imports the JSON that show --json prints, into another year', async () => {
    const shown = await cli('show', '--year', '2025', '--service', 'webb', '--json');
    const json = file('webb.json', shown.stdout.replace('"year": 2025', '"year": 2026'));
    const r = await cli('import', '--year', '2026', json);
    expect(r.code).toBe(0);
    expect(Object.keys(stored(2026, 'webb').answers)).toEqual(Object.keys(stored(2025, 'webb').answers));
    expect(stored(2026, 'webb').answers['ACC.1']?.comment).toBe('Granskning gjord; se "protokoll"');
  });

  it.each([
    [
      'bad rows, each with its line',
      'service;question;value\nwebb;ACC.1;kanske\nokand;ACC.1;ja\nwebb;ORG.1;ja\nwebb;ACC.2;ja\nwebb;ACC.2;nej\n',
      ["(rad 2): \"kanske\" är inte ett tillåtet svar på ACC.1", "(rad 3): okänd tjänst 'okand'", "(rad 4): 'ORG.1': okänd fråga för webb", '(rad 6): ACC.2 för webb förekommer redan (rad 5)'],
    ],
    ['missing columns', 'service;fråga\nwebb;ACC.1\n', ['(rad 1): kolumnerna value saknas']],
    ['a row with too many cells', 'service;question;value\nwebb;ACC.1;ja;extra\n', ['ogiltig CSV']],
    ['an empty file', '', ['filen är tom']],
    ['a JSON answer of the wrong type', '{ "service": "webb", "answers": { "ACC.1": { "value": true } } }', ['#/answers/ACC.1/value (rad 1)']],
    ['a JSON year that does not match', '{ "year": 2024, "service": "webb", "answers": { "ACC.1": { "value": "ja" } } }', ['#/year (rad 1): året 2024 stämmer inte med --year 2025']],
    ['a __proto__ key', '{ "service": "webb", "answers": { "__proto__": { "value": "ja" } } }', ["nyckeln '__proto__' är inte tillåten"]],
    [
      'bad rows after and inside quoted line breaks, each with the line where it starts',
      'service;question;value;comment\nwebb;ACC.1;kanske;"en\ntvå\ntre"\nwebb;ACC.2;kanske;\r\nwebb;LOG.1;ja;"a\r\nb"\nwebb;LOG.2;sällan;\n',
      ['(rad 2): "kanske" är inte ett tillåtet svar på ACC.1', '(rad 5): "kanske" är inte ett tillåtet svar på ACC.2', '(rad 8): "sällan" är inte ett tillåtet svar på LOG.2'],
    ],
    ['a control character in a cell', 'service;question;value;kommentar\nwebb;ACC.1;ja;ok\nwebb;ACC.2;ja;"Klart\u001b]0;x\u0007"\n', ['(rad 3): kolumnen kommentar innehåller ett styrtecken (U+001B) på plats 6']],
    ['a lone CR in a cell', 'service;question;value;comment\nwebb;ACC.1;ja;"rad 1\rrad 2"\n', ['(rad 2): kolumnen comment innehåller ett styrtecken (U+000D) på plats 6']],
    ['a control character in a value', 'service;question;value\nwebb;ACC.1;\u009bja\n', ['(rad 2): kolumnen value innehåller ett styrtecken (U+009B) på plats 1']],
    ['a JSON comment with a control character', '{ "service": "webb", "answers": { "ACC.1": { "value": "ja", "comment": "x\\u001b[2J" } } }', ['#/answers/ACC.1/comment (rad 1): innehåller ett styrtecken (U+001B) på plats 2']],
    ['a JSON file with a duplicate key', '{ "service": "webb",\n  "answers": { "ACC.1": { "value": "ja" } },\n  "answers": {} }', ["#/answers (rad 3, kolumn 3): nyckeln 'answers' finns redan på rad 2"]],
  ])('refuses %s: exit 2, nothing written', async (_name, content, messages) => {
    const path = file('fel.csv', content);
    const before = snapshot(join(ws, 'answers'));
    const r = await cli('import', '--year', '2025', path);
    expect(r.code).toBe(2);
    for (const m of messages) expect(r.stderr).toContain(m);
    expect(snapshot(join(ws, 'answers'))).toEqual(before);
  });

  it('skips the empty rows Excel writes, with semicolons or commas', async () => {
    for (const [name, content] of <[string, string][]>[
      ['tomma-semikolon.csv', 'service;question;value;comment;evidence\r\nwebb;LOG.1;delvis;;\r\n;;;;\r\n;;;;\r\n'],
      ['tomma-komma.csv', 'service,question,value,comment,evidence\n,,,,\nwebb,LOG.2,aldrig,,\n , ,,,\n'],
    ]) {
      const r = await cli('import', '--year', '2025', file(name, content), '--dry-run', '--json');
      expect(r.stderr, name).toBe('');
      expect(r.code, name).toBe(0);
      const services = JSON.parse(r.stdout).services as { added: unknown[]; changed: unknown[]; unchanged: number }[];
      expect(services.map((s) => s.added.length + s.changed.length + s.unchanged), name).toEqual([1]);
    }
  });

  it('refuses a file that does not exist', async () => {
    const r = await cli('import', '--year', '2025', 'saknas.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('saknas.csv finns inte');
  });
});
