import { spawn, type IPty } from 'node-pty';
import { BIN } from './helpers.js';

const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]/g;

export const KEY = { enter: '\r', down: '\x1b[B', up: '\x1b[A', ctrlC: '\x03', backspace: '\x7f' } as const;

/** Runs of white space, line breaks included, read as one space: text wrapped at word boundaries reads the same. */
const collapse = (s: string): string => s.replace(/\s+/g, ' ');

/**
 * The built CLI in a real pseudo terminal, driven by keystrokes. `expect` reads the screen output
 * from where the previous `expect` matched, so each step waits for the next thing to appear. It
 * reads the text as a person does: a line wrapped at a word boundary (the tool wraps to the
 * terminal's width) still matches, a word broken in two does not.
 */
export class Terminal {
  private readonly pty: IPty;
  private output = '';
  private cursor = 0;
  readonly exited: Promise<number>;

  constructor(args: string[], cwd: string, env: Record<string, string> = {}, size: { cols?: number; rows?: number } = {}) {
    const inherited = { ...(process.env as Record<string, string>) };
    // The terminal's own width, not one the test runner's shell happened to export.
    delete inherited['COLUMNS'];
    delete inherited['LINES'];
    this.pty = spawn(process.execPath, [BIN, ...args], {
      name: 'xterm',
      cols: size.cols ?? 120,
      rows: size.rows ?? 40,
      cwd,
      env: { ...inherited, NO_COLOR: '1', ...env },
    });
    this.pty.onData((d) => (this.output += d.replace(ANSI, '')));
    this.exited = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  get screen(): string {
    return this.output;
  }

  /** Waits until the text appears after the last match; fails with the screen after `ms`. */
  async expect(pattern: string | RegExp, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    if (typeof pattern === 'string') pattern = collapse(pattern);
    for (;;) {
      const rest = collapse(this.output).slice(this.cursor);
      const at = typeof pattern === 'string' ? rest.indexOf(pattern) : rest.search(pattern);
      if (at >= 0) {
        const length = typeof pattern === 'string' ? pattern.length : (rest.match(pattern)?.[0].length ?? 0);
        this.cursor += at + length;
        return;
      }
      if (Date.now() > deadline) throw new Error(`'${String(pattern)}' did not appear. Screen since last match:\n${rest}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  write(...keys: string[]): void {
    for (const k of keys) this.pty.write(k);
  }

  /** Types keys one write at a time, waiting for the prompt to take each. */
  async type(...keys: string[]): Promise<void> {
    for (const k of keys) {
      this.pty.write(k);
      await new Promise((r) => setTimeout(r, 30));
    }
  }

  kill(): void {
    this.pty.kill();
  }
}
