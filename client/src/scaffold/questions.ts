import * as vscode from 'vscode';
import { defaultEntry, defaultPort } from '../../../server/src/scaffold/defaults';
import type { ScaffoldCommand } from '../../../server/src/scaffold/render';
import {
  BACKING_SERVICES,
  type BackingService,
  PLATFORM_DETAILS,
  PLATFORMS,
  type Platform,
  type ScaffoldOptions,
  type Stack,
  type StackFacts,
} from '../../../server/src/scaffold/types';
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

/** Commands whose files wire backing services: Compose runs them, the others pass their connection secrets. */
const USES_SERVICES: readonly ScaffoldCommand[] = ['compose', 'kubernetes', 'cloud-run', 'ecs', 'render'];

/** Asks only what detection and the arguments did not tell, then what this command needs. */
export async function chooseOptions(command: ScaffoldCommand, facts: StackFacts, given: ScaffoldArguments): Promise<ScaffoldOptions> {
  const entry = given.entry ?? facts.entry ?? (ASKS_ENTRY.includes(facts.stack) ? await askEntry(facts) : defaultEntry(facts));
  const port = given.port ?? facts.port ?? (await askPort(facts));
  const services = USES_SERVICES.includes(command) ? (given.services ?? (await askServices())) : [];
  const ingress = command === 'kubernetes' ? (given.ingress ?? (await askIngress())) : false;
  const kustomize = command === 'kubernetes' ? (given.kustomize ?? (await askKustomize())) : false;
  return { targets: [], services, ingress, kustomize, port, entry };
}

/** "Add Deployment Target…": the platform, unless the arguments named it. */
export async function choosePlatformTarget(given: Platform | undefined): Promise<Platform> {
  if (given) return given;
  const picked = answered(
    await vscode.window.showQuickPick(
      PLATFORMS.map((platform) => ({
        label: PLATFORM_DETAILS[platform].label,
        description: PLATFORM_DETAILS[platform].path,
        detail: PLATFORM_DETAILS[platform].description,
        platform,
      })),
      { title: 'Deployment target', placeHolder: 'The platform to deploy the image to', ignoreFocusOut: true },
    ),
  );
  return picked.platform;
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

async function askKustomize(): Promise<boolean> {
  const picked = answered(
    await vscode.window.showQuickPick(
      [
        { label: 'Plain manifests', description: 'k8s/*.yaml, applied with kubectl apply -f k8s/', kustomize: false },
        { label: 'Kustomize layout', description: 'k8s/base/ with staging and production overlays that pin the image', kustomize: true },
      ],
      { title: 'Layout', placeHolder: 'One set of manifests, or a base with an overlay per environment?', ignoreFocusOut: true },
    ),
  );
  return picked.kustomize;
}
