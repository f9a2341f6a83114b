import { basename } from 'node:path';
import * as vscode from 'vscode';
import { diskProjectReader } from '../../../server/src/cli/projectReader';
import { pathInside } from '../../../server/src/scaffold/containment';
import { DEFAULT_PACKAGE_MANAGERS } from '../../../server/src/scaffold/defaults';
import { detectProject, kubernetesName } from '../../../server/src/scaffold/detect';
import { STACKS, type Stack, type StackFacts } from '../../../server/src/scaffold/types';
import { answered } from './cancelled';
import type { ScaffoldArguments } from './scaffoldArguments';

export interface Project {
  /** The folder the files go to: the chosen one, or the monorepo package picked in it. */
  root: string;
  facts: StackFacts;
}

const STACK_LABELS: Readonly<Record<Stack, string>> = {
  node: 'Node.js',
  python: 'Python',
  go: 'Go',
  java: 'Java',
  dotnet: '.NET',
  ruby: 'Ruby',
  static: 'Static site',
};

/** Detects the folder's stack; a monorepo asks which package, an unknown folder which stack (as `init` does). */
export async function chooseProject(folder: vscode.Uri, given: ScaffoldArguments): Promise<Project> {
  if (folder.scheme !== 'file') throw new Error(`${folder.toString()} is not on this machine's disk: the scaffolding writes local folders only.`);
  const root = folder.fsPath;
  const detection = detectProject(diskProjectReader(root), basename(root));
  const named = (stack: Stack, at: string): StackFacts => ({ name: kubernetesName(basename(at)), stack, packageManager: DEFAULT_PACKAGE_MANAGERS[stack] });
  if (given.stack) return { root, facts: detection.facts?.stack === given.stack ? detection.facts : named(given.stack, root) };
  if (detection.facts) return { root, facts: detection.facts };
  if (detection.packages.length) {
    const chosen =
      detection.packages.find((found) => found.path === given.package) ??
      answered(
        await vscode.window.showQuickPick(
          detection.packages.map((found) => ({ label: found.path, description: `${STACK_LABELS[found.facts.stack]} (${found.facts.packageManager})`, found })),
          { title: 'Which package?', placeHolder: `${basename(root)} is a monorepo: the files go into the package you pick` },
        ),
      ).found;
    // A package folder that is a link out of the chosen folder is refused like any path that leads out.
    return { root: pathInside(root, chosen.path), facts: chosen.facts };
  }
  const stack = answered(
    await vscode.window.showQuickPick(
      STACKS.map((stack) => ({ label: STACK_LABELS[stack], description: stack, stack })),
      { title: 'Which stack?', placeHolder: `Nothing in ${basename(root)} tells the stack (no package.json, pyproject.toml, go.mod, …)` },
    ),
  ).stack;
  return { root, facts: named(stack, root) };
}
