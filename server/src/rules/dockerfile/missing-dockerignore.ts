import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { firstOperand, runInstructions } from '../../parsing/dockerfileRun';
import { joinUri } from '../../workspace/uri';
import { buildContextUri, contextSources, dockerignoreOf, isWholeContext } from '../support/buildContext';
import { dockerignoreTemplate } from '../support/dockerignoreTemplate';
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
        '{{instruction}} {{source}} copies the whole build context, which has no .dockerignore, so .git, .env files, keys and local dependencies end up in the image; add a .dockerignore next to the Dockerfile.',
    },
    explanation: {
      why: 'Without a .dockerignore, `COPY . .` copies everything next to the Dockerfile: the Git history, local .env files and keys, host node_modules, and each unrelated file change busts the layer cache.',
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
    report({
      messageId: 'missing',
      data: { instruction: wholeContext.copy.instruction.getKeyword(), source: wholeContext.value },
      range: wholeContext.range,
      fixes,
    });
  },
});

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
