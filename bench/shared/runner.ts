// Runs a benchmark's main function with a deadline, and never leaves a process it started behind.
/** A problem with the set-up (a missing build or package): its message is enough, no stack. */
export class BenchSetupError extends Error {}

/** Processes that are running (servers, CLI runs); killed on failure or when the deadline passes. */
export const liveProcesses = new Set<{ kill(): void }>();

export function runBench(main: () => Promise<void>, deadlineMs: number): void {
  const killAll = () => {
    for (const child of liveProcesses) child.kill();
  };
  const deadline = setTimeout(() => {
    console.error(`\nThe benchmark exceeded ${deadlineMs / 1000} s: killing the processes it started.`);
    killAll();
    process.exit(1);
  }, deadlineMs);
  deadline.unref();
  main().then(
    () => clearTimeout(deadline),
    (error: unknown) => {
      killAll();
      console.error(`\n${error instanceof BenchSetupError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
