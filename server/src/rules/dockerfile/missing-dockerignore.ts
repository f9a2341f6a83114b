import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { firstOperand, runInstructions } from '../../parsing/dockerfileRun';
import { joinUri } from '../../workspace/uri';
import type { Workspace } from '../../workspace/workspace';
import { buildContextUri, contextSources, dockerignoreOf, isWholeContext } from '../support/buildContext';
import { dockerignoreTemplate } from '../support/dockerignoreTemplate';
import { listInProse } from '../support/prose';
import { NPM_CLEAN_INSTALL, NPM_INSTALL } from '../support/packageManagers';

export const rule = defineDockerfileRule({
  id: 'dockerfile/missing-dockerignore',
  meta: {
    severity: 'warning',
    description: 'COPY or ADD sends the whole build context into the image, and no .dockerignore keeps .git, secrets and local clutter out.',
    fix: { applied: 'auto', createsFile: true },
    aliases: [],
    messages: {
      missing:
        '{{instruction}} {{source}} copies the whole build context, which has no .dockerignore, so {{found}} end up in the image; add a .dockerignore next to the Dockerfile.',
      missingClean:
        '{{instruction}} {{source}} copies the whole build context, which has no .dockerignore; nothing there needs keeping out today (no .git, .env or node_modules), but a .dockerignore keeps them out once they appear.',
    },
    explanation: {
      why: 'Without a .dockerignore, `COPY . .` copies everything next to the Dockerfile: the Git history, local .env files and keys, host node_modules, and each unrelated file change busts the layer cache. The finding is a warning when the context holds such files now (a .git folder, .env, .npmrc or .pypirc, node_modules, a Python virtual environment or __pycache__, .terraform) and names them; a small context without any (a service folder holding its sources) gets info.',
      standard: 'Container standard "minimal images" and "external secrets"; Docker docs, ".dockerignore files".',
      bad: 'COPY . .',
      good: '# .dockerignore\n.git\n**/.env\n**/node_modules',
    },
  },
  check({ file, workspace, report }) {
    const context = buildContextUri(file, workspace);
    if (!context) return;
    const sources = contextSources(file);
    const wholeContext = sources.find(isWholeContext);
    if (!wholeContext || dockerignoreOf(file, workspace)) return;
    // The template matches ignore patterns against every copied path: worth doing only for a quick fix asked for.
    const fixes = () => {
      const text = dockerignoreTemplate({
        installsNodeModules: installsNodeModules(file),
        copiedPaths: sources.filter((source) => !isWholeContext(source)).map((source) => source.path),
      });
      return [{ title: 'Create a .dockerignore for this build context', edits: [], createFiles: [{ uri: joinUri(context, '.dockerignore'), text }] }];
    };
    const found = clutterIn(context, workspace);
    const data = {
      instruction: wholeContext.copy.instruction.getKeyword(),
      source: wholeContext.value,
      found: listInProse(found.map((name) => `\`${name}\``)),
    };
    if (found.length > 0) report({ messageId: 'missing', data, range: wholeContext.range, fixes });
    else report({ messageId: 'missingClean', data, range: wholeContext.range, severity: 'info', fixes });
  },
});

/** What a .dockerignore is for, when it sits at the root of the context: history, secrets, host dependencies, caches. */
const CLUTTER_FOLDERS = ['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.terraform'];
const CLUTTER_FILES = ['.env', '.npmrc', '.pypirc'];

function clutterIn(context: string, workspace: Workspace): string[] {
  return [
    ...CLUTTER_FOLDERS.filter((name) => workspace.existsFolder(joinUri(context, name))),
    ...CLUTTER_FILES.filter((name) => workspace.exists(joinUri(context, name))),
  ];
}

function installsNodeModules(file: DockerfileFile): boolean {
  return runInstructions(file).some((run) =>
    run.commands.some((command) => {
      const subcommand = firstOperand(command);
      if (command.program === 'npm') return subcommand !== undefined && [...NPM_CLEAN_INSTALL, ...NPM_INSTALL].includes(subcommand);
      if (command.program === 'yarn') return subcommand === undefined || subcommand === 'install';
      if (command.program === 'pnpm') return subcommand === 'install' || subcommand === 'i' || subcommand === 'fetch';
      return false;
    }),
  );
}
