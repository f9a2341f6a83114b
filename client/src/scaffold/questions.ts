import * as vscode from 'vscode';
import { defaultEntry, defaultPort } from '../../../server/src/scaffold/defaults';
import type { ScaffoldCommand } from '../../../server/src/scaffold/render';
import { BACKING_SERVICES, type BackingService, type ScaffoldOptions, type Stack, type StackFacts } from '../../../server/src/scaffold/types';
import { answered } from './cancelled';
import type { ScaffoldArguments } from './scaffoldArguments';
import { entryProblem, portProblem } from './validation';

/** Stacks whose template starts a file or package the user may need to name (as `init` asks). */
const ASKS_ENTRY: readonly Stack[] = ['node', 'python', 'go', 'dotnet'];

const SERVICE_LABELS: Readonly<Record<BackingService, string>> = {
  postgres: 'PostgreSQL',
  mysql: 'MySQL',
  redis: 'Redis',
  mongo: 'MongoDB',
};

/** Asks only what detection and the arguments did not tell, then what this command needs. */
export async function chooseOptions(command: ScaffoldCommand, facts: StackFacts, given: ScaffoldArguments): Promise<ScaffoldOptions> {
  const entry = given.entry ?? facts.entry ?? (ASKS_ENTRY.includes(facts.stack) ? await askEntry(facts) : defaultEntry(facts));
  const port = given.port ?? facts.port ?? (await askPort(facts));
  const services = command === 'compose' || command === 'kubernetes' ? (given.services ?? (await askServices())) : [];
  const ingress = command === 'kubernetes' ? (given.ingress ?? (await askIngress())) : false;
  return { targets: [], services, ingress, port, entry };
}

async function askEntry(facts: StackFacts): Promise<string> {
  const prompt = facts.stack === 'go' ? 'The package to build' : facts.stack === 'dotnet' ? 'The assembly the container runs' : 'The file the container starts';
  const value = answered(
    await vscode.window.showInputBox({
      title: `Entry point (${facts.stack})`,
      prompt,
      value: defaultEntry(facts),
      ignoreFocusOut: true,
      validateInput: (text) => entryProblem(facts.stack, text),
    }),
  );
  return value.trim();
}

async function askPort(facts: StackFacts): Promise<number> {
  const value = answered(
    await vscode.window.showInputBox({
      title: 'Port',
      prompt: 'The port the app listens on',
      value: String(defaultPort(facts)),
      ignoreFocusOut: true,
      validateInput: portProblem,
    }),
  );
  return Number(value.trim());
}

async function askServices(): Promise<BackingService[]> {
  const picked = answered(
    await vscode.window.showQuickPick(
      BACKING_SERVICES.map((service) => ({ label: SERVICE_LABELS[service], description: service, service })),
      { title: 'Backing services', placeHolder: 'Databases and caches the app uses (none: press Enter)', canPickMany: true, ignoreFocusOut: true },
    ),
  );
  return picked.map((item) => item.service);
}

async function askIngress(): Promise<boolean> {
  const picked = answered(
    await vscode.window.showQuickPick(
      [
        { label: 'No Ingress', description: 'a ClusterIP Service only', ingress: false },
        { label: 'Add an Ingress', description: 'HTTP routing to the Service from outside the cluster', ingress: true },
      ],
      { title: 'Ingress', placeHolder: 'Expose the app outside the cluster?', ignoreFocusOut: true },
    ),
  );
  return picked.ingress;
}
