import { setFlagsFromString } from 'node:v8';

/**
 * How the language server's V8 heap grows. A Dockerfile's check allocates a new tree and model per version, most of
 * which dies at the next keystroke: with V8's defaults the young generation grows to 32 MiB and the old one to four
 * times what is live (21 MiB with a 2,000-line file open) before a full collection, so the resident memory became
 * mostly garbage (180 MiB peak on the 2,000-line bench file, 105 MiB on a 27-line one). Called once the warm-up has
 * run (its own garbage sized the young generation at 4 MiB): the young generation keeps that size, and the old one
 * is collected when it is 1.5 times what survived the last full collection. Both flags are read by V8 each time it
 * sizes a generation, so setting them at run time takes effect; a server started with its own
 * `--semi-space-growth-factor` or `--heap-growing-percent` keeps them.
 */
export function keepHeapSmall(execArgv: readonly string[] = process.execArgv): void {
  for (const [flag, value] of SIZES) {
    if (!execArgv.some((argument) => argument.replaceAll('_', '-').startsWith(flag))) setFlagsFromString(`${flag}=${value}`);
  }
}

const SIZES: readonly [string, number][] = [
  ['--semi-space-growth-factor', 1],
  ['--heap-growing-percent', 50],
];
