import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { validate as isUuid, version as uuidVersion } from 'uuid';
import { copyExampleWorkspace, removeDir, ROOT, run, tempDir } from './helpers.js';
import { writeMiniCatalog } from './fixtures/mini-catalog.js';
import { EFTERLEV_NS, uuidsFor } from '../src/export/oscal-ids.js';

/** Issue 14, OSCAL: the year's review as Assessment Results, the handlingsplan as a POA&M. */

// Documents are walked as plain JSON; the schema, not the type, is what checks them.
type Json = Record<string, any>;
type Prop = { name: string; ns?: string; value: string };

// NIST's OSCAL 1.1.3 release schemas (draft-07), committed under test/oscal/ (see its README).
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const schema = (file: string): ValidateFunction => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test', 'oscal', file), 'utf8')));
const validators = { 'oscal-ar': schema('oscal_assessment-results_schema.json'), 'oscal-poam': schema('oscal_poam_schema.json') };

function expectValid(format: 'oscal-ar' | 'oscal-poam', doc: unknown): void {
  const validate = validators[format];
  const ok = validate(doc);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
}

const ours = (props: Prop[] | undefined, name: string): string | undefined => props?.find((p) => p.name === name && p.ns === EFTERLEV_NS)?.value;

type ScoreJson = { services: { service: string; checklists: { checklist: string; controls: { control: string; score: number | null; status: string; answered: number; total: number }[] }[] }[] };
type ActionJson = { id: string; status: string; owner: string | null; due: string; priority: number; motivation?: string | null; acceptedBy?: string | null };

let ws: string;
const cli = (...args: string[]) => run(['--dir', ws, ...args]);
const out = (name: string) => join(ws, name);

async function exported(year: number, format: 'oscal-ar' | 'oscal-poam', name = `${format}-${year}.json`): Promise<{ text: string; doc: Json }> {
  const r = await cli('export', '--year', String(year), '--format', format, '--out', out(name), '--force');
  expect(r.code, r.stderr).toBe(0);
  const text = readFileSync(out(name), 'utf8');
  return { text, doc: JSON.parse(text) as Json };
}

const ar = (doc: Json): Json => doc['assessment-results'];
const poam = (doc: Json): Json => doc['plan-of-action-and-milestones'];

/** The references inside a document point at what it defines (OSCAL's metaschema constraints the JSON schema does not check). */
function expectReferencesResolve(root: Json): void {
  const uuids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      const o = v as Json;
      if (typeof o['uuid'] === 'string') {
        expect(uuids.has(o['uuid']), `uuid ${o['uuid']} twice`).toBe(false);
        uuids.add(o['uuid']);
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(root);
  for (const u of uuids) {
    expect(isUuid(u)).toBe(true);
    expect(uuidVersion(u)).toBe(5);
  }
  const refs: string[] = [];
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v as Json)) {
        if (['observation-uuid', 'risk-uuid', 'finding-uuid', 'subject-uuid'].includes(k)) refs.push(x as string);
        else collect(x);
      }
    }
  };
  collect(root);
  for (const r of refs) expect(uuids.has(r), `reference to ${r}`).toBe(true);
}

beforeAll(() => {
  ws = copyExampleWorkspace();
});
afterAll(() => removeDir(ws));

describe('the OSCAL schemas the tests validate against', () => {
  it('are NIST’s 1.1.3 release files, unmodified', () => {
    const sums: Record<string, string> = {
      'oscal_assessment-results_schema.json': 'd9e34757f0c12aff61f52b821f0b8f83ba0ba75b3a149a202b08ba82f82bc4c3',
      'oscal_poam_schema.json': 'e404043fef9cc6108c0e895932f513043d54f28457b4eb02e74dc0cff1215e16',
    };
    for (const [file, sum] of Object.entries(sums)) {
      const bytes = readFileSync(join(ROOT, 'test', 'oscal', file));
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sum);
      expect((JSON.parse(bytes.toString('utf8')) as Json)['$id']).toMatch(/^http:\/\/csrc\.nist\.gov\/ns\/oscal\/1\.1\.3\//);
    }
  });
});

describe('efterlev export --format oscal-ar', () => {
  it('writes Assessment Results that NIST’s OSCAL 1.1.3 schema accepts, for both years, readable by the owner only', async () => {
    for (const year of [2024, 2025]) {
      const { doc } = await exported(year, 'oscal-ar');
      expectValid('oscal-ar', doc);
      expectReferencesResolve(ar(doc));
      expect(statSync(out(`oscal-ar-${year}.json`)).mode & 0o777).toBe(0o600);
    }
  });

  it('is byte-identical from one export to the next, to a file or to stdout, whatever the clock says', async () => {
    const first = await exported(2025, 'oscal-ar', 'a1.json');
    const second = await exported(2025, 'oscal-ar', 'a2.json');
    expect(second.text).toBe(first.text);
    const later = await run(['--dir', ws, 'export', '--year', '2025', '--format', 'oscal-ar'], { env: { EFTERLEV_NOW: '2031-02-03T04:05:06Z', TZ: 'America/New_York' } });
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toBe(first.text);
  });

  it('marks the document confidential and dates it by the latest answer, not the clock', async () => {
    const { doc } = await exported(2025, 'oscal-ar');
    const m = ar(doc)['metadata'];
    expect(m['title']).toBe('Efterlevnadskontroll 2025 – Exempelstaden – Intraservice');
    expect(m['oscal-version']).toBe('1.1.3');
    expect(m['props']).toContainEqual({ name: 'marking', value: 'KONFIDENTIELLT' });
    expect(m['remarks']).toMatch(/^KONFIDENTIELLT – efterlevnadskontroll 2025 för Exempelstaden/);
    expect(m['parties']).toEqual([{ uuid: expect.any(String), type: 'organization', name: 'Exempelstaden – Intraservice' }]);
    const dir = join(ws, 'answers', '2025');
    const times = readdirSync(dir).flatMap((f) => Object.values((JSON.parse(readFileSync(join(dir, f), 'utf8')) as { answers: Record<string, { at: string }> }).answers).map((a) => new Date(a.at).toISOString()));
    expect(m['last-modified']).toBe(times.sort().at(-1));
    // import-ap points at the back-matter resource that says what the plan is.
    const href = ar(doc)['import-ap']['href'] as string;
    expect(ar(doc)['back-matter']['resources'].map((r: Json) => `#${r['uuid']}`)).toContain(href);
  });

  it('has one finding per assessed control and service, with the engine’s status and score, and one observation per answered question', async () => {
    const { doc } = await exported(2025, 'oscal-ar');
    const result = ar(doc)['results'][0];
    const score = JSON.parse((await cli('score', '--year', '2025', '--json')).stdout) as ScoreJson;
    const controls = score.services.flatMap((s) => s.checklists.flatMap((c) => c.controls.map((k) => ({ service: s.service, checklist: c.checklist, ...k }))));
    const assessed = controls.filter((k) => k.status !== 'ej_bedomd');
    expect(result['findings']).toHaveLength(assessed.length);
    expect(result['observations']).toHaveLength(controls.reduce((n, k) => n + k.answered, 0));
    for (const k of assessed) {
      const f = result['findings'].find((x: Json) => ours(x['props'], 'service') === k.service && ours(x['props'], 'checklist') === k.checklist && ours(x['props'], 'control') === k.control);
      expect(f, `${k.service}/${k.control}`).toBeDefined();
      expect(f['target']['status']).toEqual(k.status === 'enligt_plan' ? { state: 'satisfied', reason: 'pass' } : { state: 'not-satisfied', reason: 'fail' });
      expect(ours(f['props'], 'status')).toBe(k.status);
      expect(ours(f['props'], 'score')).toBe(k.score === null ? undefined : String(k.score));
      expect(ours(f['props'], 'answered')).toBe(String(k.answered));
      expect(f['related-observations'] ?? []).toHaveLength(k.answered);
    }
    // Every finding's target is an objective the document defines.
    const objectives = ar(doc)['local-definitions']['objectives-and-methods'].flatMap((o: Json) => o['parts'].map((p: Json) => p['id']));
    for (const f of result['findings']) expect(objectives).toContain(f['target']['target-id']);
    // Every checklist's controls are the reviewed controls.
    expect(result['reviewed-controls']['control-selections'].map((c: Json) => ours(c['props'], 'checklist'))).toEqual(['dso', 'itsak']);
  });

  it('shows an answer with its question, value, comment, evidence, who and when, about the service', async () => {
    const { doc } = await exported(2025, 'oscal-ar');
    const result = ar(doc)['results'][0];
    const stored = JSON.parse(readFileSync(join(ws, 'answers', '2025', 'formansportalen.json'), 'utf8')) as { answers: Record<string, { value: unknown; comment?: string; evidence?: string; by: string; at: string }> };
    const [id, answer] = Object.entries(stored.answers).find(([, a]) => a.comment !== undefined && a.evidence !== undefined)!;
    const o = result['observations'].find((x: Json) => ours(x['props'], 'service') === 'formansportalen' && ours(x['props'], 'question') === id);
    expect(o['description']).toMatch(new RegExp(`^Fråga ${id.replace('.', '\\.')}: .+\\n\\nSvar: `));
    expect(ours(o['props'], 'value')).toBe(String(answer.value));
    expect(ours(o['props'], 'answered-by')).toBe(answer.by);
    expect(o['remarks']).toBe(answer.comment);
    expect(o['relevant-evidence']).toEqual([{ description: answer.evidence }]);
    expect(o['methods']).toEqual(['EXAMINE']);
    expect(o['collected']).toBe(new Date(answer.at).toISOString());
    const component = result['local-definitions']['components'].find((c: Json) => ours(c['props'], 'service') === 'formansportalen');
    expect(o['subjects']).toEqual([{ 'subject-uuid': component['uuid'], type: 'component' }]);
    // The organisation's own answers are about the organisation.
    const org = result['observations'].find((x: Json) => ours(x['props'], 'service') === 'organisation');
    expect(org['subjects']).toEqual([{ 'subject-uuid': ar(doc)['metadata']['parties'][0]['uuid'], type: 'party' }]);
  });

  it('has a risk per gap of the handlingsplan, linked from its finding', async () => {
    const { doc } = await exported(2025, 'oscal-ar');
    const result = ar(doc)['results'][0];
    const actions = JSON.parse((await cli('actions', '--year', '2025', '--json')).stdout).actions as ActionJson[];
    expect(result['risks'].map((r: Json) => ours(r['props'], 'action-id'))).toEqual(expect.arrayContaining(actions.map((a) => a.id)));
    expect(result['risks']).toHaveLength(actions.length);
    const linked = new Set(result['findings'].flatMap((f: Json) => (f['related-risks'] ?? []).map((r: Json) => r['risk-uuid'])));
    for (const r of result['risks']) expect(linked.has(r['uuid'])).toBe(true);
  });
});

describe('efterlev export --format oscal-poam', () => {
  it('writes a POA&M that NIST’s OSCAL 1.1.3 schema accepts, one poam-item per action in the handlingsplan’s order', async () => {
    for (const year of [2024, 2025]) {
      const { doc } = await exported(year, 'oscal-poam');
      expectValid('oscal-poam', doc);
      expectReferencesResolve(poam(doc));
      const actions = JSON.parse((await cli('actions', '--year', String(year), '--json')).stdout).actions as ActionJson[];
      const items = poam(doc)['poam-items'] as Json[];
      expect(items).toHaveLength(actions.length);
      // export lists the open actions first and the accepted risks after them, as the other formats do.
      const order = [...actions.filter((a) => a.status !== 'accepterad_risk'), ...actions.filter((a) => a.status === 'accepterad_risk')].map((a) => a.id);
      expect(items.map((i) => ours(i['props'], 'action-id'))).toEqual(order);
      for (const [i, a] of items.map((item, n) => [item, actions.find((x) => x.id === order[n])!] as const)) expect(ours(i['props'], 'priority')).toBe(String(a.priority));
      expect(statSync(out(`oscal-poam-${year}.json`)).mode & 0o777).toBe(0o600);
    }
  });

  it('gives an action the same poam-item UUID in every export and every year: a version-5 UUID of its stable id', async () => {
    const byId = async (year: number) =>
      new Map((poam((await exported(year, 'oscal-poam')).doc)['poam-items'] as Json[]).map((i) => [ours(i['props'], 'action-id')!, i['uuid'] as string]));
    const y2024 = await byId(2024);
    const y2025 = await byId(2025);
    const both = [...y2025.keys()].filter((id) => y2024.has(id));
    expect(both.length).toBeGreaterThan(3);
    for (const id of both) expect(y2025.get(id)).toBe(y2024.get(id));
    const id = uuidsFor('Exempelstaden – Intraservice');
    for (const [action, uuid] of y2025) expect(uuid).toBe(id(`poam-item/${action}`));
    expect(new Set(y2025.values()).size).toBe(y2025.size);
    // Another organisation's same gap is another item.
    expect(uuidsFor('Annan kommun')(`poam-item/${both[0]}`)).not.toBe(y2025.get(both[0]!));
    const again = await run(['--dir', ws, 'export', '--year', '2025', '--format', 'oscal-poam']);
    expect(again.stdout).toBe(readFileSync(out('oscal-poam-2025.json'), 'utf8'));
  });

  it('puts owner, due date and status on the linked risk, and accepted risks with their motivation and who accepted', async () => {
    const { doc } = await exported(2025, 'oscal-poam');
    const p = poam(doc);
    const actions = JSON.parse((await cli('actions', '--year', '2025', '--json')).stdout).actions as ActionJson[];
    const expected: Record<string, string> = { ej_påbörjad: 'open', pågår: 'remediating', klar: 'closed', accepterad_risk: 'deviation-approved' };
    for (const a of actions) {
      const item = (p['poam-items'] as Json[]).find((i) => ours(i['props'], 'action-id') === a.id)!;
      const risk = (p['risks'] as Json[]).find((r) => r['uuid'] === item['related-risks'][0]['risk-uuid'])!;
      expect(risk['status']).toBe(expected[a.status]);
      expect(risk['deadline']).toMatch(new RegExp(`^${a.due}T23:59:59\\+0[12]:00$`));
      expect(ours(risk['props'], 'owner')).toBe(a.owner ?? undefined);
      expect(risk['props']).toContainEqual({ name: 'priority', value: String(a.priority) });
      expect(risk['remediations']).toHaveLength(1);
      if (a.status === 'accepterad_risk') {
        const entry = risk['risk-log']['entries'][0];
        expect(entry['description']).toBe(a.motivation);
        expect(ours(entry['props'], 'accepted-by')).toBe(a.acceptedBy);
        expect(entry['status-change']).toBe('deviation-approved');
        expect(entry['props']).toContainEqual({ name: 'type', value: 'dr-approved' });
        expect(risk['remediations'][0]['lifecycle']).toBe('recommendation');
      }
    }
    expect(actions.some((a) => a.status === 'accepterad_risk')).toBe(true);
    expect(actions.some((a) => a.status === 'pågår')).toBe(true);
    expect(p['metadata']['title']).toBe('Handlingsplan 2025 – Exempelstaden – Intraservice');
    expect(p['metadata']['props']).toContainEqual({ name: 'marking', value: 'KONFIDENTIELLT' });
    // The plan's follow-ups are later than the answers: they date the POA&M.
    expect(p['metadata']['last-modified']).toBe('2025-11-28T13:15:00.000Z');
  });

  it('is refused where the year has no action, since a POA&M needs at least one item', async () => {
    const dir = tempDir();
    try {
      writeMiniCatalog(dir);
      expect((await run(['--dir', dir, 'init', '--name', 'Tomma kommunen'])).code).toBe(0);
      const r = await run(['--dir', dir, 'export', '--year', '2025', '--format', 'oscal-poam', '--out', join(dir, 'p.json')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('inga åtgärder');
    } finally {
      removeDir(dir);
    }
  });
});

describe('ej bedömd, links, free text and the incident register in OSCAL', () => {
  let dir: string;
  const mini = (...args: string[]) => run(['--dir', dir, ...args]);

  beforeAll(async () => {
    dir = tempDir();
    writeMiniCatalog(dir);
    await mini('init', '--name', 'Testkommunen');
    await mini('service', 'add', 'webb', '--name', 'Webbportalen', '--owner', 'Anna Ek', '--sensitive', '--classification', 'K3R2T2S2');
    await mini('service', 'add', 'intern', '--name', 'Intern wiki', '--classification', 'K1R1T1S1');
    const comment = 'Rad ett\nrad två  med mellanrum';
    const evidence = 'Rutin dnr 12, se https://intra.example.se/rutiner/behörighet.pdf.';
    expect((await mini('answer', '--year', '2025', '--service', 'webb', 'ACC.1=ja', '--comment', comment, '--evidence', evidence, '--reviewer', 'anna.ek')).code).toBe(0);
    expect((await mini('answer', '--year', '2025', '--service', 'webb', 'LOG.1=delvis', 'LOG.3=4', '--reviewer', 'anna.ek')).code).toBe(0);
  });
  afterAll(() => removeDir(dir));

  it('gives a control with nothing answered no finding and names it not-assessed, never not-satisfied', async () => {
    const r = await mini('export', '--year', '2025', '--format', 'oscal-ar');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expectValid('oscal-ar', doc);
    expectReferencesResolve(ar(doc));
    const result = ar(doc)['results'][0];
    const score = JSON.parse((await mini('score', '--year', '2025', '--json')).stdout) as ScoreJson;
    const pairs = score.services.flatMap((s) => s.checklists.flatMap((c) => c.controls.map((k) => ({ key: `${s.service}/${c.checklist}/${k.control}`, status: k.status }))));
    const notAssessed = pairs.filter((p) => p.status === 'ej_bedomd').map((p) => p.key);
    expect(notAssessed).toEqual(expect.arrayContaining(['intern/mini/ACC', 'intern/mini/LOG', 'organisation/org/ORG']));
    expect(result['props'].filter((p: Prop) => p.name === 'not-assessed').map((p: Prop) => p.value)).toEqual(notAssessed);
    const found = result['findings'].map((f: Json) => `${ours(f['props'], 'service')}/${ours(f['props'], 'checklist')}/${ours(f['props'], 'control')}`);
    expect(found).toEqual(pairs.filter((p) => p.status !== 'ej_bedomd').map((p) => p.key));
    for (const key of notAssessed) expect(found).not.toContain(key);
    expect(result['description']).toContain(`${notAssessed.length} är ej bedömda`);
  });

  it('keeps a multi-line comment whole in remarks, links the evidence when it has a link, and folds free text in properties onto one line', async () => {
    const doc = JSON.parse((await mini('export', '--year', '2025', '--format', 'oscal-ar')).stdout) as Json;
    const o = ar(doc)['results'][0]['observations'].find((x: Json) => ours(x['props'], 'question') === 'ACC.1');
    expect(o['remarks']).toBe('Rad ett\nrad två  med mellanrum');
    expect(o['relevant-evidence']).toEqual([{ href: 'https://intra.example.se/rutiner/beh%C3%B6righet.pdf', description: 'Rutin dnr 12, se https://intra.example.se/rutiner/behörighet.pdf.' }]);
    expect(o['methods']).toEqual(['EXAMINE']);
    const log3 = ar(doc)['results'][0]['observations'].find((x: Json) => ours(x['props'], 'question') === 'LOG.3');
    expect(log3['methods']).toEqual(['INTERVIEW']);
    expect(log3['description']).toMatch(/Svar: 4$/);
    // A note with line breaks becomes the risk log's remarks; the owner property stays one line.
    expect((await mini('plan', 'set', 'webb:LOG-kanslig-utan-granskning', '--year', '2025', '--status', 'pågår', '--owner', 'Anna  Ek\tIT', '--note', 'Steg 1\nSteg 2')).code).toBe(0);
    const p = JSON.parse((await mini('export', '--year', '2025', '--format', 'oscal-poam')).stdout) as Json;
    expectValid('oscal-poam', p);
    const risk = poam(p)['risks'].find((r: Json) => ours(r['props'], 'action-id') === 'webb:LOG-kanslig-utan-granskning');
    expect(ours(risk['props'], 'owner')).toBe('Anna Ek IT');
    expect(risk['risk-log']['entries'][0]['remarks']).toBe('Steg 1\nSteg 2');
    expect(risk['status']).toBe('remediating');
  });

  it('exports a year with nothing answered as valid Assessment Results without findings or observations', async () => {
    const r = await mini('export', '--year', '2023', '--format', 'oscal-ar');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Json;
    expectValid('oscal-ar', doc);
    const result = ar(doc)['results'][0];
    expect(result['findings']).toBeUndefined();
    expect(result['observations']).toBeUndefined();
    expect(result['start']).toBe('2023-01-01T00:00:00+01:00');
  });

  it('reports what was written with --json, and writes English with --lang en', async () => {
    const file = join(dir, 'ar.json');
    const r = await mini('--json', '--lang', 'en', 'export', '--year', '2025', '--format', 'oscal-ar', '--out', file);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ written: file, format: 'oscal-ar' });
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
    expectValid('oscal-ar', doc);
    expect(ar(doc)['metadata']['title']).toBe('Compliance review 2025 – Testkommunen');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await mini('export', '--year', '2025', '--format', 'oscal-ar', '--out', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('finns redan');
  });
});

describe('a count the incident register gives', () => {
  it('is the observation, examined in the register, not the number typed', async () => {
    const dir = copyExampleWorkspace();
    const env = { EFTERLEV_NOW: '2026-06-15T10:00:00.000Z' };
    const cli2 = (...args: string[]) => run(['--dir', dir, ...args], { env });
    try {
      expect((await cli2('answer', '--year', '2026', '--service', 'ubw-agresso', 'DRI.1=ja', 'DRI.4=0')).code).toBe(0);
      for (const [service, day] of [['ubw-agresso', '2026-01-10'], ['ubw-agresso', '2026-02-14'], ['ubw-agresso', '2026-03-20'], ['telefoni', '2025-12-01']] as const) {
        const r = await cli2('incident', 'add', '--service', service, '--kind', 'mi', '--title', 'Störning', '--occurred', day, '--resolved', day);
        expect(r.code, r.stderr).toBe(0);
      }
      const r = await cli2('export', '--year', '2026', '--format', 'oscal-ar');
      expect(r.code, r.stderr).toBe(0);
      const doc = JSON.parse(r.stdout) as Json;
      expectValid('oscal-ar', doc);
      const o = ar(doc)['results'][0]['observations'].find((x: Json) => ours(x['props'], 'service') === 'ubw-agresso' && ours(x['props'], 'question') === 'DRI.4');
      expect(ours(o['props'], 'value')).toBe('3');
      expect(ours(o['props'], 'source')).toBe('incident-register');
      expect(ours(o['props'], 'answered-by')).toBeUndefined();
      expect(o['methods']).toEqual(['EXAMINE']);
      expect(o['description']).toContain('från incidentregistret');
    } finally {
      removeDir(dir);
    }
  });
});
