#!/usr/bin/env node
// `efterlev --version` answers before the command line parser and its commands are loaded:
// scripts call it to check the tool is there, and it should cost no more than starting Node.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version + '\n');
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args);
}
