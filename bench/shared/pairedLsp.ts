// Language servers measured side by side on one input, in turns: open→diagnostics and edit→diagnostics latency,
// CPU time, peak RSS and what each reported. Used by the Compose and Kubernetes benchmarks.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BenchServer, type ServerSpec } from './lspServer';
import { countBySource } from './report';
import { liveProcesses } from './runner';
import { round, type Summary, summarize } from './stats';

export interface LspResult {
  server: string;
  input: string;
  /** Spawn → initialize response (and, for yaml-ls, its first settings pull). */
  startMs: number;
  /** The very first open of the process (cold JIT, first settings pull, schema load), not part of `open`. */
  coldOpenMs: number;
  open: Summary;
  edit: Summary | undefined;
  openSamplesMs: number[];
  editSamplesMs: number[];
  /** Mean CPU time of the server per warm open and per edit: its own work, little affected by a busy machine. */
  cpuPerOpenMs: number | undefined;
  cpuPerEditMs: number | undefined;
  peakRssKiB: number | undefined;
  /** Found on the first open (over every file for the corpus), then after each edit of the first cycle. */
  diagnostics: { count: number; bySource: Record<string, number>; afterEachEditOfTheCycle: number[] };
  unexpectedPublishes: number;
  publishesCarryVersion: boolean;
}

/** Per server: the samples of one input. */
export interface Samples {
  server: BenchServer;
  open: number[];
  edit: number[];
  firstDiagnostics: Diagnostic[];
  cycleDiagnostics: number[];
  /** The server's CPU time over the warm opens and over the edits (see BenchServer.cpuMs). */
  cpu: { openMs?: number; editMs?: number };
}

/** The servers in the order they take their turn in `run`: rotating, so that background load weighs on all alike. */
export type InTurn = (run: number) => Samples[];

/**
 * Starts every server, runs `measure` with them, then `verify` (which checks that a peer did the work it is
 * compared for), and stops them (also on failure). The servers run side by side and are measured in turns.
 */
export async function withServers(
  specs: readonly ServerSpec[],
  waitTimeoutMs: number,
  input: string,
  measure: (servers: Samples[], inTurn: InTurn) => Promise<void>,
  verify: (servers: readonly BenchServer[]) => Promise<void>,
): Promise<LspResult[]> {
  const samples: Samples[] = [];
  try {
    for (const spec of specs) {
      const server = await BenchServer.start(spec, waitTimeoutMs);
      liveProcesses.add(server);
      samples.push({ server, open: [], edit: [], firstDiagnostics: [], cycleDiagnostics: [], cpu: {} });
    }
    const inTurn = (run: number) => samples.map((_, index) => samples[(index + run) % samples.length]!);
    await measure(samples, inTurn);
    await verify(samples.map((entry) => entry.server));
    return samples.map(({ server, open, edit, firstDiagnostics, cycleDiagnostics, cpu }) => {
      const [coldOpenMs, ...warmOpens] = open;
      return {
        server: server.spec.name,
        input,
        startMs: round(server.startMs),
        coldOpenMs: round(coldOpenMs!),
        open: summarize(warmOpens),
        edit: edit.length > 0 ? summarize(edit) : undefined,
        openSamplesMs: open.map(round),
        editSamplesMs: edit.map(round),
        cpuPerOpenMs: cpu.openMs === undefined ? undefined : round(cpu.openMs / warmOpens.length),
        cpuPerEditMs: cpu.editMs === undefined || edit.length === 0 ? undefined : round(cpu.editMs / edit.length),
        peakRssKiB: server.peakRssKiB(),
        diagnostics: { count: firstDiagnostics.length, bySource: countBySource(firstDiagnostics), afterEachEditOfTheCycle: cycleDiagnostics },
        unexpectedPublishes: server.unexpectedPublishes,
        publishesCarryVersion: server.sawVersions,
      };
    });
  } finally {
    for (const { server } of samples) {
      await server.stop();
      liveProcesses.delete(server);
    }
  }
}

/** Runs `phase` and records each server's CPU time over it in `cpu[key]`. */
async function measureCpu(servers: readonly Samples[], key: keyof Samples['cpu'], phase: () => Promise<void>): Promise<void> {
  const before = servers.map((entry) => entry.server.cpuMs());
  await phase();
  servers.forEach((entry, index) => {
    const [start, end] = [before[index], entry.server.cpuMs()];
    entry.cpu[key] = start === undefined || end === undefined ? undefined : end - start;
  });
}

/** Times one open → first diagnostics on a fresh URI (`<folder>/<server>/<name>`), then closes the document. */
async function timeOpen(entry: Samples, folder: string, name: string, text: string): Promise<Diagnostic[]> {
  const uri = pathToFileURL(join(folder, entry.server.spec.name, name)).href;
  const { sentAt, published } = await entry.server.open(uri, text);
  entry.open.push(published.at - sentAt);
  await entry.server.close(uri);
  return published.diagnostics;
}

export interface OpensAndEdits {
  folder: string;
  /** The file name every opened document gets: it decides what the servers take it for. */
  name: string;
  text: string;
  openRuns: number;
  /** Applied in order, round and round, for `editRuns` edits; a whole number of rounds must restore the text. */
  cycle: readonly TextDocumentContentChangeEvent[];
  editRuns: number;
}

/**
 * open→diagnostics: run 0 is the cold open, then `openRuns` more, each on a fresh URI with a text of its own (a
 * comment line more), as opening different files would be. Then edit→diagnostics on one open document per server.
 */
export async function timeOpensAndEdits(servers: Samples[], inTurn: InTurn, input: OpensAndEdits): Promise<void> {
  const { folder, name, text, cycle } = input;
  for (const entry of inTurn(0)) entry.firstDiagnostics = await timeOpen(entry, join(folder, 'open-0'), name, text);
  await measureCpu(servers, 'openMs', async () => {
    for (let run = 1; run <= input.openRuns; run++) {
      for (const entry of inTurn(run)) await timeOpen(entry, join(folder, `open-${run}`), name, `${text}# open ${run}\n`);
    }
  });

  const documents = new Map<Samples, TextDocument>();
  for (const entry of servers) {
    const uri = pathToFileURL(join(folder, entry.server.spec.name, 'edit', name)).href;
    documents.set(entry, TextDocument.create(uri, entry.server.spec.languageId, 1, text));
    await entry.server.open(uri, text);
  }
  await measureCpu(servers, 'editMs', async () => {
    for (let run = 0; run < input.editRuns; run++) {
      const change = cycle[run % cycle.length]!;
      for (const entry of inTurn(run)) {
        const document = TextDocument.update(documents.get(entry)!, [change], documents.get(entry)!.version + 1);
        documents.set(entry, document);
        const { sentAt, published } = await entry.server.change(document.uri, document.version, [change]);
        entry.edit.push(published.at - sentAt);
        if (run < cycle.length) entry.cycleDiagnostics.push(published.diagnostics.length);
      }
    }
  });
  if (input.editRuns % cycle.length === 0 && [...documents.values()].some((document) => document.getText() !== text)) {
    throw new Error('the edit cycle did not restore the text');
  }
  for (const [entry, document] of documents) await entry.server.close(document.uri);
}

/** open→diagnostics on each file once (after a cold open of the first, reported apart), each under its `name`. */
export async function timeFileOpens(servers: Samples[], inTurn: InTurn, folder: string, files: readonly { name: string; text: string }[]): Promise<void> {
  for (const entry of inTurn(0)) await timeOpen(entry, join(folder, 'open-0'), files[0]!.name, files[0]!.text);
  await measureCpu(servers, 'openMs', async () => {
    for (const [index, file] of files.entries()) {
      for (const entry of inTurn(index + 1)) {
        entry.firstDiagnostics.push(...(await timeOpen(entry, join(folder, `open-${index + 1}`), file.name, file.text)));
      }
    }
  });
}
