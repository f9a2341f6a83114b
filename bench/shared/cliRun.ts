// One timed run of a command-line tool: wall time from spawning Node.js to the process closing its output.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { nodeArgs } from './lspServer';
import { liveProcesses } from './runner';

export interface CliRun {
  ms: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node <script> <args>` (with BENCH_NODE_ARGS, like the servers), its standard output redirected to
 * `outputFile` as `> report.json` in a CI script would (a tool that exits before a pipe drains, as dclint 3.1 does,
 * loses output on a pipe, not on a file). Killed, and rejected, after `timeoutMs`.
 */
export function runCli(script: string, args: readonly string[], outputFile: string, timeoutMs: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const output = openSync(outputFile, 'w');
    const startedAt = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', output, 'pipe'] });
    closeSync(output);
    const handle = { kill: () => child.kill('SIGKILL') };
    liveProcesses.add(handle);
    const stderr: Buffer[] = [];
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    const timer = setTimeout(() => {
      handle.kill();
      reject(new Error(`${script} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      liveProcesses.delete(handle);
      reject(error);
    });
    child.on('close', (exitCode) => {
      const ms = performance.now() - startedAt;
      clearTimeout(timer);
      liveProcesses.delete(handle);
      resolve({ ms, exitCode, stdout: readFileSync(outputFile, 'utf8'), stderr: Buffer.concat(stderr).toString() });
    });
  });
}
