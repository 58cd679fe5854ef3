import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { describeControlCharacter, terminalSafe } from '../src/io/text.js';
import { mdCell, mdText } from '../src/export/markdown-text.js';
import { ROOT, copyExampleWorkspace, readJson, removeDir, run, snapshot, tempDir, writeJson } from './helpers.js';

/** Any control character a terminal could act on; TAB and LF are text. NO_COLOR means no SGR either. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the terminal sanitiser', () => {
  it('keeps text, TAB, LF and SGR colour sequences as they are', () => {
    for (const s of ['Åtgärda före 2026-03-31', 'a\tb\nc', '\u001b[31mröd\u001b[39m', '\u001b[1;38;5;196mfet\u001b[0m', '\u001b[m', '']) {
      expect(terminalSafe(s)).toBe(s);
    }
  });

  it.each([
    ['\u001b]0;PWNED\u0007', '\\u001b]0;PWNED\\u0007'],
    ['\u001b]8;;javascript:alert(1)\u001b\\länk\u001b]8;;\u001b\\', '\\u001b]8;;javascript:alert(1)\\u001b\\länk\\u001b]8;;\\u001b\\'],
    ['x\u001b[2Jy', 'x\\u001b[2Jy'],
    ['\u001b[1A\u001b[K', '\\u001b[1A\\u001b[K'],
    ['\u001b[31', '\\u001b[31'],
    ['rad 1\rrad 2', 'rad 1\\u000drad 2'],
    ['\u0000\u0008\u000b\u000c\u007f', '\\u0000\\u0008\\u000b\\u000c\\u007f'],
    ['\u009b2J', '\\u009b2J'],
    ['\u0085\u009f', '\\u0085\\u009f'],
    ['abc\u202edef\u2066\u2069', 'abc\\u202edef\\u2066\\u2069'],
    ['\u001b\u001b[31mx', '\\u001b\u001b[31mx'],
    // Colour codes around and before what must be escaped: the colour stays, the rest is escaped.
    ['\u001b[31mröd\u001b[39m\u001b]0;PWNED\u0007', '\u001b[31mröd\u001b[39m\\u001b]0;PWNED\\u0007'],
    ['\u001b[1m\u001b[2J\u001b[22m', '\u001b[1m\\u001b[2J\u001b[22m'],
    ['\u001b[32mok\u001b[39m\r', '\u001b[32mok\u001b[39m\\u000d'],
    ['\u001b[31mx\u001b[', '\u001b[31mx\\u001b['],
  ])('escapes %j', (raw, shown) => {
    expect(terminalSafe(raw)).toBe(shown);
    expect(terminalSafe(raw).replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(RAW_CONTROL);
  });
});

describe('control characters in stored text', () => {
  it.each([
    ['hej', undefined],
    ['rad 1\nrad 2\tflik', undefined],
    ['åäö – ”citat” €', undefined],
    ['12345678901\u001b[2J', 'innehåller ett styrtecken (U+001B) på plats 12'],
    ['a\rb', 'innehåller ett styrtecken (U+000D) på plats 2'],
    ['\u007f', 'innehåller ett styrtecken (U+007F) på plats 1'],
    ['x\u009by', 'innehåller ett styrtecken (U+009B) på plats 2'],
    ['abc\u202e', 'innehåller ett styrtecken (U+202E) på plats 4'],
    ['😀\u2066', 'innehåller ett styrtecken (U+2066) på plats 2'],
  ])('%j → %s', (text, message) => {
    expect(describeControlCharacter(text)).toBe(message);
  });
});

const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  link: '[klicka här](javascript:alert(1))',
  image: '![bild](javascript:alert(2))',
  autolink: '<javascript:alert(3)>',
  bare: 'https://evil.example/x www.evil.example',
  reference: '[ref]\n\n[ref]: javascript:alert(4)',
  emphasis: '**fet** _kursiv_ *stjärna* ~~struken~~ `kod`',
  pipe: 'vänster \\| höger | mitten',
  heading: 'rad ett\n# Rubrik\n- punkt',
  entity: '&lt;script&gt; &amp; Ek & Berg',
  html: '<a href="javascript:alert(5)">x</a> <div onclick="alert(6)">',
};
const ALL = Object.values(PAYLOADS).join(' ');

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines of a rendered element's HTML, split where the Markdown had <br>, as text. */
const lines = (el: HTMLElement): string[] => el.innerHTML.split('<br>').map((part) => parseHtml(part).text);

/** Markdown as a GFM renderer turns it into HTML, parsed for inspection. */
function rendered(markdown: string): HTMLElement {
  return parseHtml(marked.parse(markdown, { async: false, gfm: true }));
}

/** What no stored text may turn into: scripts, event handlers, links of any kind, raw HTML elements, markup. */
function expectInert(doc: HTMLElement): void {
  expect(doc.querySelectorAll('script, img, a, iframe, div, code, pre, del, blockquote, h3, h4, h5, h6')).toHaveLength(0);
  for (const el of doc.querySelectorAll('*')) {
    expect(Object.keys(el.attributes).filter((a) => /^on/i.test(a)), el.outerHTML).toEqual([]);
    expect(el.getAttribute('href') ?? '', el.outerHTML).not.toMatch(/javascript:/i);
  }
}

describe('Markdown escaping of stored text', () => {
  it.each(Object.entries(PAYLOADS))('%s renders as the same text, inert, in a paragraph and a table cell', (_name, payload) => {
    const paragraph = rendered(mdText(payload));
    expectInert(paragraph);
    expect(paragraph.querySelectorAll('strong, em, h1, h2, ul, ol, li, table')).toHaveLength(0);
    expect(paragraph.querySelectorAll('p')).toHaveLength(1);
    expect(lines(paragraph.querySelector('p')!)).toEqual(payload.split('\n'));

    const table = rendered(`| a | b | c |\n|---|---|---|\n| ${mdCell('vänster')} | ${mdCell(payload)} | ${mdCell('höger')} |\n`);
    expectInert(table);
    const cells = table.querySelectorAll('tbody td');
    expect(cells.map((c) => c.text)).toEqual(['vänster', expect.any(String), 'höger']);
    expect(lines(cells[1]!)).toEqual(payload.split('\n'));
  });

  it('leaves ordinary text readable', () => {
    expect(mdText('KP3.2: Biträdesavtal med Visma Enterprise AB (uppdateras 2025-12-01).')).toBe('KP3.2: Biträdesavtal med Visma Enterprise AB (uppdateras 2025-12-01).');
    expect(mdText('webb:LOG-kanslig_utan_granskning')).toBe('webb:LOG-kanslig_utan_granskning');
    expect(mdCell('två\r\nrader')).toBe('två<br>rader');
    expect(mdCell('')).toBe(' ');
  });
});

describe('stored text on the way to a terminal, end to end', () => {
  let ws: string;
  beforeEach(() => {
    ws = copyExampleWorkspace();
  });
  afterEach(() => removeDir(ws));

  const at = (...parts: string[]) => join(ws, 'answers', ...parts);
  /** Plants a value straight into a workspace file, past every check the CLI would make. */
  function plant(file: string[], pointer: (string | number)[], value: string): void {
    const doc = readJson<Record<string, unknown>>(at(...file));
    const last = pointer[pointer.length - 1]!;
    const parent = pointer.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, doc);
    parent[last] = value;
    writeFileSync(at(...file), JSON.stringify(doc, null, 2) + '\n');
  }
  const clean = (r: { stdout: string; stderr: string }) => {
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
  };

  it.each([
    {
      command: ['show', '--year', '2025', '--service', 'office365'],
      file: ['2025', 'office365.json'],
      pointer: ['answers', 'AVT.1', 'comment'],
      value: 'Avtal\u001b]0;PWNED\u0007\u001b[2J',
      code: 'U+001B',
      place: 6,
    },
    {
      command: ['compare', '2024', '2025', '--details'],
      file: ['2024', 'office365.json'],
      pointer: ['answers', 'AVT.1', 'evidence'],
      value: 'Dnr\u0007',
      code: 'U+0007',
      place: 4,
    },
    {
      command: ['actions', '--year', '2025'],
      file: ['plan', '2025.json'],
      pointer: ['actions', 'formansportalen:AVT-pubavtal-brist-aterkommande', 'owner'],
      value: 'Sara \u001b]8;;javascript:alert(1)\u001b\\Ek\u001b]8;;\u001b\\',
      code: 'U+001B',
      place: 6,
    },
    {
      command: ['observation', 'list', '--year', '2025'],
      file: ['observations', '2025.json'],
      pointer: ['observations', 0, 'text'],
      value: 'Iakttagelse \u009b2J',
      code: 'U+009B',
      place: 13,
    },
    {
      command: ['score', '--year', '2025'],
      file: ['services.json'],
      pointer: ['services', 0, 'name'],
      value: 'Digitala \u202enavet',
      code: 'U+202E',
      place: 10,
    },
  ])('$command.0 refuses a planted $code in $pointer.2', async ({ command, file, pointer, value, code, place }) => {
    plant(file, pointer, value);
    const before = snapshot(ws);
    const shown = ['answers', ...file].join('/');
    const where = '#/' + pointer.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
    const expected = new RegExp(`${escapeRegExp(shown + where)} \\(rad \\d+\\): ${escapeRegExp(`innehåller ett styrtecken (${code}) på plats ${place}`)}`);
    for (const args of [command, ['validate']]) {
      const r = await run(args, { cwd: ws });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/oväntat fel|\n\s+at /);
      clean(r);
    }
    expect(snapshot(ws)).toEqual(before);
  });

  it('refuses a planted control character in a catalogue the workspace carries', async () => {
    const checklist = readJson<{ controls: { name: { sv: string } }[] }>(join(ROOT, 'checklists', 'dso.json'));
    checklist.controls[0]!.name.sv = 'Dataskydd\u001b[8m';
    writeJson(join(ws, 'checklists', 'dso.json'), checklist);
    writeFileSync(join(ws, 'checklists', 'itsak.json'), readFileSync(join(ROOT, 'checklists', 'itsak.json')));
    const before = snapshot(ws);
    const r = await run(['score', '--year', '2025'], { cwd: ws });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/checklists\/dso\.json#\/controls\/0\/name\/sv \(rad \d+\): innehåller ett styrtecken \(U\+001B\) på plats 10/);
    clean(r);
    expect(snapshot(ws)).toEqual(before);
  });

  it('shows control characters in messages escaped, whatever their source', async () => {
    const before = snapshot(ws);
    const service = await run(['show', '--year', '2025', '--service', 'x\u001b]0;PWNED\u0007'], { cwd: ws });
    expect(service.code).toBe(2);
    expect(service.stderr).toContain("Okänd tjänst 'x\\u001b]0;PWNED\\u0007'");
    clean(service);
    const option = await run(['score', '--year', '2025', '--x\u001b[2J'], { cwd: ws });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('\\u001b[2J');
    clean(option);
    const value = await run(['answer', '--year', '2025', '--service', 'office365', 'AVT.1=\u009b2J'], { cwd: ws });
    expect(value.code).toBe(2);
    clean(value);
    expect(snapshot(ws)).toEqual(before);
  });
});

describe('control characters typed on the command line', () => {
  let ws: string;
  beforeEach(() => {
    ws = copyExampleWorkspace();
  });
  afterEach(() => removeDir(ws));

  const ACTION = 'formansportalen:AVT-pubavtal-brist-aterkommande';
  it.each([
    [['answer', '--year', '2025', '--service', 'office365', 'AVT.1=ja', '--comment', 'Avtal klart\u001b[2J'], '--comment innehåller ett styrtecken (U+001B) på plats 12'],
    [['answer', '--year', '2025', '--service', 'office365', 'AVT.1=ja', '--comment', 'rad 1\rrad 2'], '--comment innehåller ett styrtecken (U+000D) på plats 6'],
    [['answer', '--year', '2025', '--service', 'office365', 'AVT.1=ja', '--evidence', 'Dnr \u202e1'], '--evidence innehåller ett styrtecken (U+202E) på plats 5'],
    [['answer', '--year', '2025', '--service', 'office365', 'AVT.1=ja', '--reviewer', 'anna\u0007'], '--reviewer innehåller ett styrtecken (U+0007) på plats 5'],
    [['observation', 'add', '--year', '2025', 'Iakttagelse\u009b'], 'iakttagelsen innehåller ett styrtecken (U+009B) på plats 12'],
    [['observation', 'add', '--year', '2025', 'Iakttagelse', '--reviewer', '\u0001'], '--reviewer innehåller ett styrtecken (U+0001) på plats 1'],
    [['plan', 'set', ACTION, '--year', '2025', '--note', 'Klart\u001b]0;x\u0007'], '--note innehåller ett styrtecken (U+001B) på plats 6'],
    [['plan', 'set', ACTION, '--year', '2025', '--owner', '\u007fSara'], '--owner innehåller ett styrtecken (U+007F) på plats 1'],
    [['plan', 'set', ACTION, '--year', '2025', '--status', 'accepterad_risk', '--motivation', 'M\u2067', '--accepted-by', 'X'], '--motivation innehåller ett styrtecken (U+2067) på plats 2'],
    [['plan', 'set', ACTION, '--year', '2025', '--status', 'accepterad_risk', '--motivation', 'M', '--accepted-by', 'X\u001b'], '--accepted-by innehåller ett styrtecken (U+001B) på plats 2'],
    [['service', 'add', 'ny-tjanst', '--name', 'Ny\u001b[5m'], '--name innehåller ett styrtecken (U+001B) på plats 3'],
    [['service', 'add', 'ny-tjanst', '--name', 'Ny', '--owner', 'Ägare\u0085'], '--owner innehåller ett styrtecken (U+0085) på plats 6'],
    [['service', 'add', 'ny-tjanst', '--name', 'Ny', '--supplier', '\u202aLev'], '--supplier innehåller ett styrtecken (U+202A) på plats 1'],
    [['import', '--year', '2025', 'saknas.csv', '--reviewer', 'x\u001b'], '--reviewer innehåller ett styrtecken (U+001B) på plats 2'],
  ])('%j is refused, exit 2, nothing written', async (args, message) => {
    const before = snapshot(ws);
    const r = await run(args, { cwd: ws });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`fel: ${message}`);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(snapshot(ws)).toEqual(before);
  });

  it('init refuses an organisation name with a control character', async () => {
    const dir = tempDir();
    try {
      const r = await run(['--dir', dir, 'init', '--name', 'Kommunen\u001b[2J']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--name innehåller ett styrtecken (U+001B) på plats 9');
      expect(snapshot(dir)).toEqual({});
    } finally {
      removeDir(dir);
    }
  });

  it('stores a CR LF typed or pasted into a comment as LF', async () => {
    const r = await run(['answer', '--year', '2025', '--service', 'office365', 'AVT.1=delvis', '--comment', 'rad 1\r\nrad 2', '--evidence', 'a\r\nb'], { cwd: ws });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const stored = readJson<{ answers: Record<string, { comment?: string; evidence?: string }> }>(join(ws, 'answers', '2025', 'office365.json'));
    expect(stored.answers['AVT.1']).toMatchObject({ comment: 'rad 1\nrad 2', evidence: 'a\nb' });
    const n = await run(['plan', 'set', ACTION, '--year', '2025', '--note', 'x\r\ny'], { cwd: ws });
    expect(n.code, n.stderr).toBe(0);
    expect(readJson<{ actions: Record<string, { note?: string }> }>(join(ws, 'answers', 'plan', '2025.json')).actions[ACTION]?.note).toBe('x\ny');
  });
});

describe('stored text in the Markdown outputs, end to end', () => {
  let ws: string;
  beforeEach(() => {
    ws = copyExampleWorkspace();
  });
  afterEach(() => removeDir(ws));

  it('export --format md and report --format md render payloads as text, never as HTML or links', async () => {
    const register = readJson<{ organisation: { name: string }; services: { id: string; name: string; owner?: string }[] }>(join(ws, 'answers', 'services.json'));
    register.organisation.name = `Staden ${PAYLOADS.img}`;
    for (const s of register.services) {
      s.name = `${s.name} ${PAYLOADS.script}`;
      s.owner = `Ägare ${PAYLOADS.link} ${PAYLOADS.pipe}`;
    }
    writeJson(join(ws, 'answers', 'services.json'), register);
    // 2025 is judged by its own register snapshot: the payloads go there too.
    writeJson(join(ws, 'answers', 'register', '2025.json'), { ...readJson<object>(join(ws, 'answers', 'register', '2025.json')), organisation: register.organisation, services: register.services });
    const org = readJson<{ answers: Record<string, { value: string; comment?: string }> }>(join(ws, 'answers', '2025', 'organisation.json'));
    for (const a of Object.values(org.answers)) if (a.value !== 'ja') a.comment = `Kommentar ${ALL}`;
    writeJson(join(ws, 'answers', '2025', 'organisation.json'), org);
    const plan = readJson<{ actions: Record<string, { note?: string; owner?: string; motivation?: string; acceptedBy?: string }> }>(join(ws, 'answers', 'plan', '2025.json'));
    for (const f of Object.values(plan.actions)) {
      f.note = `Anteckning ${ALL}`;
      f.owner = `Ansvarig ${PAYLOADS.html} ${PAYLOADS.autolink}`;
      if (f.motivation !== undefined) f.motivation = `Motivering ${ALL}`;
      if (f.acceptedBy !== undefined) f.acceptedBy = `Chefen ${PAYLOADS.image} ${PAYLOADS.emphasis}`;
    }
    writeJson(join(ws, 'answers', 'plan', '2025.json'), plan);
    const observations = readJson<{ observations: { text: string }[] }>(join(ws, 'answers', 'observations', '2025.json'));
    observations.observations[0]!.text = `Iakttagelse ${ALL}`;
    writeJson(join(ws, 'answers', 'observations', '2025.json'), observations);

    const exported = await run(['export', '--year', '2025', '--format', 'md'], { cwd: ws });
    const report = await run(['report', '--year', '2025', '--format', 'md'], { cwd: ws });
    for (const [name, r] of [['export', exported], ['report', report]] as const) {
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const doc = rendered(r.stdout);
      expectInert(doc);
      // Our own markup only: the notice in bold, the report's subtitle in italics.
      expect(doc.querySelectorAll('strong').map((s) => s.text)).toEqual([expect.stringMatching(/^KONFIDENTIELLT/)]);
      expect(doc.querySelectorAll('em')).toHaveLength(name === 'report' ? 1 : 0);
      for (const table of doc.querySelectorAll('table')) {
        const width = table.querySelectorAll('thead th').length;
        for (const row of table.querySelectorAll('tbody tr')) expect(row.querySelectorAll('td'), row.outerHTML).toHaveLength(width);
      }
      expect(doc.text).toContain(`Staden ${PAYLOADS.img}`);
    }
    expect(rendered(exported.stdout).text).toContain(`Ansvarig ${PAYLOADS.html} ${PAYLOADS.autolink}`);
    const reportText = rendered(report.stdout).text;
    expect(reportText).toContain(`Iakttagelse ${ALL}`.split(' [ref]')[0]);
    expect(reportText).toContain(PAYLOADS.link);
    expect(reportText).toContain(`Motivering ${PAYLOADS.script}`);

    const html = await run(['report', '--year', '2025', '--format', 'html'], { cwd: ws });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('Iakttagelse &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; [klicka här](javascript:alert(1))');
    expect(html.stdout).not.toMatch(/&amp;lt;script&amp;gt;alert|\\\[|\\\*|<br>/);
  });
});
