/**
 * Notices from the store that a user should see but that do not stop the command (a lock taken
 * over, an interrupted write completed). They go to stderr, never to stdout, so `--json` output
 * stays clean. Tests and the CLI may redirect them.
 */
let handler: (message: string) => void = (message) => {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
};

export function setNoticeHandler(next: (message: string) => void): void {
  handler = next;
}

export function notice(message: string): void {
  handler(message);
}
