// cli-table3's own helpers (no types of their own): the hand-drawn rows of drawTableParts carry
// colour across a cell's lines with the very function cli-table3 uses, so they stay its drawing.
declare module 'cli-table3/src/utils.js' {
  const utils: { colorizeLines(lines: string[]): string[] };
  export default utils;
}
