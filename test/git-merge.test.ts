import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mergeTexts, type TextMerge } from '../src/git/merge-file.js';
import { kindOfContent, kindOfPath } from '../src/git/kinds.js';
import { withAttributes, shellQuote, driverCommand } from '../src/git/setup.js';
import { unite, stableKey } from '../src/git/core.js';
import type { Answer, AnswerFile, HistoryEntry, RegisterSnapshot, ServiceRegister, Service } from '../src/store/schema.js';
import type { PlanFile } from '../src/plan/schema.js';
import type { Incident, IncidentFile } from '../src/incidents/schema.js';
import type { ObservationFile } from '../src/store/observations.js';
import { ROOT } from './helpers.js';

/** Issue 15: the three-way merge of one workspace file, per question, action, incident and observation. */

const text = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
const merge = (path: string, base: unknown, ours: unknown, theirs: unknown): TextMerge =>
  mergeTexts({ base: base === undefined ? '' : text(base), ours: text(ours), theirs: text(theirs) }, path);
function merged<T>(path: string, base: unknown, ours: unknown, theirs: unknown): { value: T; notes: string[]; text: string } {
  const r = merge(path, base, ours, theirs);
  if (!r.ok) throw new Error(`väntade en sammanslagning: ${r.reason}`);
  return { value: JSON.parse(r.text) as T, notes: r.notes, text: r.text };
}
const reason = (r: TextMerge): string => (r.ok ? '(sammanslagen)' : r.reason);

const ANSWERS = 'answers/2025/office365.json';
const at = (day: number, hour = 9): string => `2025-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const answer = (value: string | number, by: string, when: string, extra: Partial<Answer> = {}): Answer => ({ value, ...extra, by, at: when });
const answerFile = (answers: Record<string, Answer>, history: HistoryEntry[] = [], more: Partial<AnswerFile> = {}): AnswerFile => ({ service: 'office365', year: 2025, ...more, answers, history });
const entry = (question: string, a: Answer): HistoryEntry => ({ question, ...a });

/** What a reviewer does with the tool: the replaced answer goes to the history. */
function answered(file: AnswerFile, question: string, a: Answer): AnswerFile {
  const before = file.answers[question];
  return { ...file, answers: { ...file.answers, [question]: a }, history: before ? [...file.history, entry(question, before)] : [...file.history] };
}

describe('answer files: per question', () => {
  const base = answerFile({ 'AVT.1': answer('ja', 'ali', at(1)), 'BEH.4': answer('ja', 'ali', at(1)), 'LOG.1': answer('ja', 'ali', at(1)) });

  it('keeps changes to different questions from both sides', () => {
    const ours = answered(base, 'AVT.1', answer('delvis', 'anna', at(3)));
    const theirs = answered(base, 'LOG.1', answer('nej', 'bo', at(4), { comment: 'Ingen granskning' }));
    const { value, notes } = merged<AnswerFile>(ANSWERS, base, ours, theirs);
    expect(value.answers['AVT.1']).toEqual(ours.answers['AVT.1']);
    expect(value.answers['LOG.1']).toEqual(theirs.answers['LOG.1']);
    expect(value.history).toEqual([entry('AVT.1', base.answers['AVT.1']!), entry('LOG.1', base.answers['LOG.1']!)]);
    expect(notes).toEqual([]);
  });

  it('the same question changed on both sides: the later answer is current, the other in the history exactly, and said so', () => {
    const earlier = answer('nej', 'anna', at(3), { comment: 'Brister', evidence: 'Dnr 7' });
    const later = answer('delvis', 'bo', at(4));
    const ours = answered(base, 'BEH.4', earlier);
    const theirs = answered(base, 'BEH.4', later);
    for (const [o, t] of [[ours, theirs], [theirs, ours]] as const) {
      const { value, notes } = merged<AnswerFile>(ANSWERS, base, o, t);
      expect(value.answers['BEH.4']).toEqual(later);
      // The base answer once (both sides replaced it), then the losing answer: by `at`, then question.
      expect(value.history).toEqual([entry('BEH.4', base.answers['BEH.4']!), entry('BEH.4', earlier)]);
      expect(notes).toEqual([expect.stringMatching(/^BEH\.4: besvarad på båda sidor; det senare svaret 'delvis' \(bo, 2025-11-04 09:00\) gäller, det andra 'nej' \(anna, 2025-11-03 09:00\) ligger i historiken$/)]);
    }
  });

  it('at the very same moment the choice does not depend on which side is ours', () => {
    const ours = answered(base, 'BEH.4', answer('nej', 'anna', at(3)));
    const theirs = answered(base, 'BEH.4', answer('delvis', 'bo', at(3)));
    const one = merged<AnswerFile>(ANSWERS, base, ours, theirs);
    const other = merged<AnswerFile>(ANSWERS, base, theirs, ours);
    expect(one.text).toBe(other.text);
    expect([one.value.answers['BEH.4']!.value, ...one.value.history.map((h) => h.value)].sort()).toEqual(['delvis', 'ja', 'nej']);
  });

  it('an answer removed on one side and changed on the other keeps the changed one; removed and untouched is removed', () => {
    const { ['BEH.4']: _gone, ...rest } = base.answers;
    const removed = answerFile(rest);
    const changed = answered(base, 'BEH.4', answer('nej', 'bo', at(4)));
    const a = merged<AnswerFile>(ANSWERS, base, removed, changed);
    expect(a.value.answers['BEH.4']).toEqual(changed.answers['BEH.4']);
    expect(a.notes[0]).toContain('BEH.4: borttaget på vår sida och ändrat på den andra');
    const b = merged<AnswerFile>(ANSWERS, base, answered(base, 'AVT.1', answer('nej', 'bo', at(4))), removed);
    expect(b.value.answers['BEH.4']).toBeUndefined();
  });

  it('unites the histories without duplicates, keeping the base order first', () => {
    const old = [entry('LOG.1', answer('nej', 'ali', at(1, 7))), entry('AVT.1', answer('nej', 'ali', at(1, 6)))];
    const b = answerFile(base.answers, old);
    const ours = answered(b, 'AVT.1', answer('delvis', 'anna', at(3)));
    const theirs = answered(b, 'AVT.1', answer('delvis', 'anna', at(3)));
    const { value } = merged<AnswerFile>(ANSWERS, b, ours, theirs);
    expect(value.history).toEqual([...old, entry('AVT.1', base.answers['AVT.1']!)]);
  });

  it('merges a file both sides added (git gives an empty base)', () => {
    const ours = answerFile({ 'AVT.1': answer('ja', 'anna', at(3)) });
    const theirs = answerFile({ 'AVT.1': answer('nej', 'bo', at(2)), 'LOG.1': answer('ja', 'bo', at(2)) });
    const { value } = merged<AnswerFile>(ANSWERS, undefined, ours, theirs);
    expect(value.answers).toEqual({ 'AVT.1': ours.answers['AVT.1'], 'LOG.1': theirs.answers['LOG.1'] });
    expect(value.history).toEqual([entry('AVT.1', theirs.answers['AVT.1']!)]);
  });

  it('writes the store’s canonical form: natural question order, schema key order', () => {
    const ours = answered(base, 'KON.10', answer(3, 'anna', at(3)));
    const theirs = answered(base, 'KON.2', answer('ja', 'bo', at(3)));
    const r = merge(ANSWERS, base, ours, theirs);
    expect(r.ok && Object.keys((JSON.parse(r.text) as AnswerFile).answers)).toEqual(['AVT.1', 'BEH.4', 'KON.2', 'KON.10', 'LOG.1']);
    expect(r.ok && r.text.startsWith('{\n  "service": "office365",\n  "year": 2025,\n  "answers": {\n    "AVT.1": {\n      "value": "ja",\n      "by"')).toBe(true);
  });

  it.each([
    ['different services', { ...base, service: 'telefoni' }, /filnamnet \('office365'\)/],
    ['different years', { ...base, year: 2024 }, /stämmer inte med mappen \(2025\)/],
    ['broken JSON', '{ "service": "office365", ', /deras sida\) \(rad 1, kolumn \d+\): ogiltig JSON/],
    ['an unknown key', { ...base, extra: 1 }, /okänd nyckel 'extra'/],
    ['another catalogue version', { ...base, catalog: { itsak: '2026.1' } }, /olika katalogversioner .*efterlev migrate/],
  ])('refuses to merge %s, saying what and where', (_what, theirs, message) => {
    const r = mergeTexts({ base: text(base), ours: text(answered(base, 'AVT.1', answer('nej', 'anna', at(3)))), theirs: typeof theirs === 'string' ? theirs : text(theirs) }, ANSWERS);
    expect(r.ok).toBe(false);
    expect(reason(r)).toMatch(message);
  });

  it('property: symmetric, and no answer either side has is lost', () => {
    const questions = ['AVT.1', 'BEH.4', 'LOG.1', 'LOG.2'];
    const step = fc.record({
      question: fc.constantFrom(...questions),
      value: fc.constantFrom('ja', 'nej', 'delvis'),
      by: fc.constantFrom('anna', 'bo'),
      day: fc.integer({ min: 2, max: 6 }),
    });
    const side = fc.array(step, { maxLength: 6 });
    fc.assert(
      fc.property(side, side, (o, t) => {
        const play = (steps: typeof o): AnswerFile => steps.reduce((f, s) => answered(f, s.question, answer(s.value, s.by, at(s.day))), base);
        const ours = play(o);
        const theirs = play(t);
        const one = merge(ANSWERS, base, ours, theirs);
        const other = merge(ANSWERS, base, theirs, ours);
        expect(one.ok && other.ok).toBe(true);
        if (!one.ok || !other.ok) return;
        expect(one.text).toBe(other.text);
        const result = JSON.parse(one.text) as AnswerFile;
        const kept = new Set([...Object.entries(result.answers).map(([q, a]) => stableKey(entry(q, a))), ...result.history.map(stableKey)]);
        for (const f of [ours, theirs]) {
          for (const [q, a] of Object.entries(f.answers)) expect(kept.has(stableKey(entry(q, a)))).toBe(true);
          for (const h of f.history) expect(kept.has(stableKey(h))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('handlingsplan: per action', () => {
  const PLAN = 'answers/plan/2025.json';
  const id = 'formansportalen:AVT-pubavtal-brist-aterkommande';
  const base: PlanFile = { year: 2025, actions: { [id]: { status: 'pågår', owner: 'Sara Ek', by: 'sara', at: at(1) } }, history: [] };
  const followed = (plan: PlanFile, action: string, f: PlanFile['actions'][string]): PlanFile => ({
    ...plan,
    actions: { ...plan.actions, [action]: f },
    history: plan.actions[action] ? [...plan.history, { action, entry: plan.actions[action]! }] : plan.history,
  });

  it('the same action followed up on both sides: the later is current, the other in the history; other actions both stay', () => {
    const ours = followed(followed(base, id, { status: 'klar', by: 'anna', at: at(3) }), 'telefoni:DRI-x', { status: 'pågår', by: 'anna', at: at(3) });
    const theirs = followed(base, id, { status: 'pågår', note: 'Väntar på Benify', by: 'bo', at: at(4) });
    const { value, notes } = merged<PlanFile>(PLAN, base, ours, theirs);
    expect(value.actions[id]).toEqual(theirs.actions[id]);
    expect(value.actions['telefoni:DRI-x']).toEqual(ours.actions['telefoni:DRI-x']);
    expect(value.history).toEqual([
      { action: id, entry: base.actions[id] },
      { action: id, entry: ours.actions[id] },
    ]);
    expect(notes[0]).toMatch(/följd upp på båda sidor; den senare pågår \(bo, 2025-11-04 09:00\) gäller, den andra klar \(anna, 2025-11-03 09:00\) ligger i historiken/);
  });

  it('refuses a follow-up that breaks the schema (an accepted risk without motivation)', () => {
    const theirs = { ...base, actions: { [id]: { status: 'accepterad_risk', by: 'bo', at: at(4) } } };
    expect(reason(merge(PLAN, base, followed(base, id, { status: 'klar', by: 'anna', at: at(3) }), theirs))).toMatch(/motivering/);
  });
});

describe('incident register: per incident', () => {
  const INCIDENTS = 'answers/incidents/2025.json';
  const incident = (id: string, title: string, by: string, when: string, more: Partial<Incident> = {}): Incident => ({
    id, service: 'office365', kind: 'major_incident', title, occurred: '2025-10-01', status: 'pågår', ...more, by, at: when,
  });
  const first = incident('2025-001', 'Exchange nere', 'ali', at(1));
  const base: IncidentFile = { year: 2025, incidents: [first], history: [{ incident: '2025-001', before: null, by: 'ali', at: at(1) }] };
  const added = (file: IncidentFile, i: Incident): IncidentFile => ({ ...file, incidents: [...file.incidents, i], history: [...file.history, { incident: i.id, before: null, by: i.by, at: i.at }] });
  const changed = (file: IncidentFile, i: Incident): IncidentFile => ({
    ...file,
    incidents: file.incidents.map((x) => (x.id === i.id ? i : x)),
    history: [...file.history, { incident: i.id, before: file.incidents.find((x) => x.id === i.id)!, by: i.by, at: i.at }],
  });

  it('two incidents registered on two branches with the same next id both stay: the later one gets the next free id, its history with it', () => {
    const ours = added(base, incident('2025-002', 'Växeln nere', 'anna', at(3), { service: 'telefoni' }));
    const theirs = changed(added(base, incident('2025-002', 'Citrix startar inte', 'bo', at(4), { service: 'ubw-agresso' })), incident('2025-002', 'Citrix startar inte', 'bo', at(5), { service: 'ubw-agresso', status: 'åtgärdad', resolved: '2025-10-02' }));
    for (const [o, t] of [[ours, theirs], [theirs, ours]] as const) {
      const { value, notes } = merged<IncidentFile>(INCIDENTS, base, o, t);
      expect(value.incidents.map((i) => [i.id, i.title])).toEqual([
        ['2025-001', 'Exchange nere'],
        ['2025-002', 'Växeln nere'],
        ['2025-003', 'Citrix startar inte'],
      ]);
      expect(value.history.filter((h) => h.incident === '2025-003').map((h) => [h.by, h.at, h.before?.id ?? null])).toEqual([
        ['bo', at(4), null],
        ['bo', at(5), '2025-003'],
      ]);
      expect(value.history.filter((h) => h.incident === '2025-002')).toEqual([{ incident: '2025-002', before: null, by: 'anna', at: at(3) }]);
      expect(notes.join('\n')).toContain("'Växeln nere' (registrerad 2025-11-03 09:00) behöll det, 'Citrix startar inte' (registrerad 2025-11-04 09:00) har nu id 2025-003");
    }
  });

  it('the same incident changed on both sides: the later version is current, the other is kept as `before` in the history', () => {
    const ours = changed(base, { ...first, status: 'åtgärdad', resolved: '2025-10-01', by: 'anna', at: at(3) });
    const theirs = changed(base, { ...first, supplier: 'Microsoft', by: 'bo', at: at(4) });
    const { value } = merged<IncidentFile>(INCIDENTS, base, ours, theirs);
    expect(value.incidents).toEqual([theirs.incidents[0]]);
    expect(value.history).toContainEqual({ incident: '2025-001', before: ours.incidents[0], by: 'bo', at: at(4) });
    expect(value.history).toContainEqual({ incident: '2025-001', before: first, by: 'anna', at: at(3) });
  });

  it('leaves a hand-chosen id that both sides used for different incidents to a person', () => {
    const ours = added(base, incident('PUI-7', 'Fel mottagare', 'anna', at(3)));
    const theirs = added(base, incident('PUI-7', 'Stulen dator', 'bo', at(4)));
    expect(reason(merge(INCIDENTS, base, ours, theirs))).toMatch(/'PUI-7' registrerades på båda sidor/);
  });

  it('refuses a side whose incident breaks the register’s own checks', () => {
    const theirs = added(base, incident('2025-002', 'Fel år', 'bo', at(4), { occurred: '2024-12-31' }));
    expect(reason(merge(INCIDENTS, base, added(base, incident('2025-002', 'A', 'anna', at(3))), theirs))).toMatch(/hör inte till 2025/);
  });
});

describe('special observations: union', () => {
  const OBS = 'answers/observations/2025.json';
  const o = (t: string, by: string, when: string) => ({ text: t, by, at: when });
  const base: ObservationFile = { year: 2025, observations: [o('Andra', 'eva', at(2)), o('Första', 'eva', at(1))] };

  it('keeps the base in its order and adds both sides’ observations by time, one added on both once', () => {
    const shared = o('Samma', 'eva', at(5));
    const ours = { ...base, observations: [...base.observations, o('Anna', 'anna', at(4)), shared] };
    const theirs = { ...base, observations: [...base.observations, o('Bo', 'bo', at(3)), shared] };
    const { value } = merged<ObservationFile>(OBS, base, ours, theirs);
    expect(value.observations.map((x) => x.text)).toEqual(['Andra', 'Första', 'Bo', 'Anna', 'Samma']);
    expect(merged<ObservationFile>(OBS, base, theirs, ours).text).toBe(merged<ObservationFile>(OBS, base, ours, theirs).text);
  });
});

describe('service register and the years’ snapshots: only where the sides do not overlap', () => {
  const REGISTER = 'answers/services.json';
  const service = (id: string, name: string, more: Partial<Service> = {}): Service => ({ id, name, personalData: true, sensitiveData: false, thirdCountry: false, classification: null, ...more });
  const base: ServiceRegister = { organisation: { name: 'Exempelstaden' }, services: [service('office365', 'Microsoft 365')], history: [] };
  const add = (r: ServiceRegister, s: Service, by: string, when: string): ServiceRegister => ({ ...r, services: [...r.services, s], history: [...r.history, { service: s.id, before: null, by, at: when }] });

  it('services added or changed on different sides both stay, with both histories', () => {
    const ours = add(base, service('telefoni', 'Telefoni'), 'anna', at(3));
    const theirs = add({ ...base, services: [service('office365', 'Microsoft 365', { owner: 'Ali' })] }, service('kundtjanst', 'Kundtjänst'), 'bo', at(4));
    const { value } = merged<ServiceRegister>(REGISTER, base, ours, theirs);
    expect(value.services.map((s) => [s.id, s.owner])).toEqual([['kundtjanst', undefined], ['office365', 'Ali'], ['telefoni', undefined]]);
    expect(value.history.map((h) => h.service)).toEqual(['telefoni', 'kundtjanst']);
  });

  it('the same service changed differently on both sides is a conflict, not a guess', () => {
    const ours = { ...base, services: [service('office365', 'Microsoft 365', { owner: 'Ali' })] };
    const theirs = { ...base, services: [service('office365', 'Microsoft 365', { classification: { K: 3, R: 2, T: 2, S: 2 } })] };
    expect(reason(merge(REGISTER, base, ours, theirs))).toMatch(/'office365' \(ändrad olika på båda sidor\)/);
  });

  it('a snapshot taken on both sides was taken at the earlier time', () => {
    const snap = (takenAt: string, services: Service[]): RegisterSnapshot => ({ year: 2026, takenAt, organisation: base.organisation, services });
    const { value } = merged<RegisterSnapshot>('answers/register/2026.json', undefined, snap(at(4), base.services), snap(at(3), base.services));
    expect(value.takenAt).toBe(at(3));
  });
});

describe('which files', () => {
  it('knows the workspace files by their path, in a subfolder of the repository too', () => {
    expect(kindOfPath('answers/2025/office365.json')).toEqual({ kind: 'answers', year: 2025, service: 'office365' });
    expect(kindOfPath('efterlev/answers/plan/2025.json')).toEqual({ kind: 'plan', year: 2025 });
    expect(kindOfPath('answers/incidents/2025.json')).toEqual({ kind: 'incidents', year: 2025 });
    expect(kindOfPath('answers/observations/2025.json')).toEqual({ kind: 'observations', year: 2025 });
    expect(kindOfPath('answers/register/2025.json')).toEqual({ kind: 'snapshot', year: 2025 });
    expect(kindOfPath('answers/services.json')).toEqual({ kind: 'register' });
    expect(kindOfPath('answers/.journal/0123456789abcdef.json')).toBeUndefined();
    expect(kindOfPath('package.json')).toBeUndefined();
    expect(kindOfContent(text(answerFile({})))).toEqual({ kind: 'answers', year: 2025, service: 'office365' });
  });

  it('does not merge a file it does not know: that is a conflict', () => {
    expect(reason(mergeTexts({ base: '{}', ours: '{"a":1}', theirs: '{"b":2}' }, 'package.json'))).toMatch(/känner inte igen den här filen/);
  });

  it('every file of the example workspace comes out of a merge with itself byte for byte: the driver writes as the store does', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else files.push(relative(ROOT, p));
      }
    };
    walk(join(ROOT, 'answers'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const t = readFileSync(join(ROOT, file), 'utf8');
      const r = mergeTexts({ base: t, ours: t, theirs: t }, file);
      expect(r.ok ? r.text : r.reason, file).toBe(t);
    }
  });
});

describe('unite', () => {
  it('keeps an entry as often as the side that has it most, and drops what both sides removed', () => {
    const x = { at: at(1), v: 'x' };
    const y = { at: at(2), v: 'y' };
    const z = { at: at(3), v: 'z' };
    const order = (a: { at: string }, b: { at: string }) => Date.parse(a.at) - Date.parse(b.at);
    expect(unite([x, y], [x, x, z], [x, z], order)).toEqual([x, x, z]);
  });
});

describe('.gitattributes', () => {
  it('writes the block once, keeps the user’s own lines, and rewrites it in place', () => {
    const once = withAttributes(undefined);
    expect(once).toContain('answers/[0-9][0-9][0-9][0-9]/*.json merge=efterlev\n');
    expect(withAttributes(once)).toBe(once);
    const mine = '*.png binary\n';
    const both = withAttributes(mine);
    expect(both.startsWith('*.png binary\n\n# efterlev git setup: början')).toBe(true);
    expect(withAttributes(both)).toBe(both);
    const older = both.replace('answers/plan/*.json merge=efterlev\n', '') + '*.pdf binary\n';
    expect(withAttributes(older)).toBe(both + '*.pdf binary\n');
    expect(withAttributes('*.png binary\r\n')).toContain('answers/services.json merge=efterlev\r\n');
  });

  it('quotes the driver’s paths for the shell git runs it in', () => {
    expect(shellQuote("/opt/it's/node")).toBe(`'/opt/it'\\''s/node'`);
    expect(driverCommand({ node: '/usr/bin/node', script: '/srv/efterlev/bin/efterlev.js' })).toBe("'/usr/bin/node' '/srv/efterlev/bin/efterlev.js' git merge-file %O %A %B %P");
  });
});
