#!/usr/bin/env node
// `efterlev --version` answers before the command line parser and its commands are loaded:
// scripts call it to check the tool is there, and it should cost no more than starting Node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  // A full garbage collection lets the heap grow to 1.1 times what is live, not V8's default of up
  // to 4 times: a city's compare and handlingsplan (10,000 services, 240,000 actions) peak near 280
  // MB instead of 350 to 440, at some 15 % more time. Not a limit: a larger workspace still fits.
  (await import('node:v8')).setFlagsFromString('--heap-growing-percent=10');
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args);
}
