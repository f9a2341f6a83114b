import { createInterface } from 'node:readline';

/** Asks the questions `init` cannot answer from the files; an empty answer takes the default. */
export interface Prompter {
  ask(question: string, defaultAnswer: string): Promise<string>;
  close(): void;
}

/** Ctrl+C or Ctrl+D at a prompt: init stops before writing anything. */
export class PromptCancelled extends Error {
  constructor() {
    super('init cancelled: nothing was written.');
  }
}

/** A prompter on the terminal, or undefined when stdin is not one (CI, pipes): then `init` uses defaults. */
export function terminalPrompter(): Prompter | undefined {
  if (!process.stdin.isTTY) return undefined;
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  // Without a listener, Ctrl+C would only pause the input and leave the question waiting.
  readline.on('SIGINT', () => readline.close());
  // Lines typed (or pasted) before a question is asked wait in the iterator instead of being lost.
  const lines = readline[Symbol.asyncIterator]();
  return {
    async ask(question, defaultAnswer) {
      process.stdout.write(`${question} (${defaultAnswer || 'none'}): `);
      const line = await lines.next();
      if (line.done) {
        process.stdout.write('\n');
        throw new PromptCancelled();
      }
      return line.value.trim() || defaultAnswer;
    },
    close: () => readline.close(),
  };
}
