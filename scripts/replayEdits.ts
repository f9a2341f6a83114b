// The long run of test/lsp/incrementalSync.test.ts: random incremental edits replayed over JSON-RPC against one
// bundled server, as in a long editor session (each document opened, edited, closed, and opened again with the next
// seed), every edit checked against a fresh in-process parse of the client's text. Prints the figures; exits 1 on a
// difference. Usage: node --import tsx scripts/replayEdits.ts [--edits 10000] [--per-run 500] [--seed 1]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { EDITED_DOCUMENTS, replayEdits } from '../test/lsp/editReplay';
import { LspClient } from '../test/lsp/lspClient';

const { values } = parseArgs({
  options: { edits: { type: 'string', default: '10000' }, 'per-run': { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } },
});
const totalEdits = Number(values.edits);
const perRun = Number(values['per-run']);
const firstSeed = Number(values.seed);

/** Resident and peak resident memory of a process, in MiB (Linux). */
function memoryOf(pid: number | undefined): string {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
    return `RSS ${(kib('VmRSS') / 1024).toFixed(1)} MiB, peak ${(kib('VmHWM') / 1024).toFixed(1)} MiB`;
  } catch {
    return 'memory unavailable';
  }
}

async function main(): Promise<void> {
  const client = new LspClient({});
  await client.initialize();
  console.log(`after initialize: ${memoryOf(client.pid)}`);
  const started = performance.now();
  let replayed = 0;
  let failures = 0;
  for (let run = 0; replayed < totalEdits; run++) {
    const document = EDITED_DOCUMENTS[run % EDITED_DOCUMENTS.length]!;
    const seed = firstSeed + run;
    const edits = Math.min(perRun, totalEdits - replayed);
    const runStarted = performance.now();
    try {
      await replayEdits(client, document, { seed, edits });
    } catch (error) {
      failures++;
      console.error(error instanceof Error ? error.message : error);
      await client.close(client.uriOf(document.fileName)).catch(() => undefined);
    }
    replayed += edits;
    console.log(`${document.fileName} seed ${seed}: ${edits} edits in ${Math.round(performance.now() - runStarted)} ms; ${memoryOf(client.pid)}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${replayed} edits replayed in ${seconds.toFixed(1)} s (${((seconds * 1000) / replayed).toFixed(2)} ms each), ${failures} runs failed; ${memoryOf(client.pid)}`,
  );
  await client.stop();
  if (failures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
