import { createInterface } from 'node:readline/promises';

/** Asks the questions `init` cannot answer from the files; an empty answer takes the default. */
export interface Prompter {
  ask(question: string, defaultAnswer: string): Promise<string>;
  close(): void;
}

/** A prompter on the terminal, or undefined when stdin is not one (CI, pipes): then `init` uses defaults. */
export function terminalPrompter(): Prompter | undefined {
  if (!process.stdin.isTTY) return undefined;
  const readline = createInterface({ input: process.stdin, output: process.stdout });
  return {
    async ask(question, defaultAnswer) {
      const answer = (await readline.question(`${question} (${defaultAnswer || 'none'}): `)).trim();
      return answer || defaultAnswer;
    },
    close: () => readline.close(),
  };
}
