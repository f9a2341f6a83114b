import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileStage } from '../../parsing/dockerfile';
import type { RunCommand, RunInstruction } from '../../parsing/dockerfileRun';
import { contextSources, isWholeContext, type ContextSource } from '../support/buildContext';
import { runsOfStage } from '../support/dockerfile';
import {
  hasOptionNamed,
  hasSubcommand,
  NPM_CLEAN_INSTALL,
  NPM_INSTALL,
  NPM_SYNTAX,
  parseCall,
  pipInstallCalls,
  subcommandOperands,
  type ToolCall,
} from '../support/packageManagers';

export const rule = defineDockerfileRule({
  id: 'dockerfile/copy-all-before-install',
  meta: {
    severity: 'warning',
    description: 'The whole build context is copied before the dependency install, so every source change re-runs the install.',
    aliases: [],
    messages: {
      copyAllFirst:
        '{{instruction}} {{source}} copies the whole context before `{{install}}` (line {{installLine}}), so any source change busts the cache and re-installs every dependency; copy {{manifests}} first, install, then copy the rest.',
    },
    explanation: {
      why: 'A layer is rebuilt when anything copied before it changes; copying only the dependency manifests before the install keeps the slow install cached until the dependencies change.',
      standard: 'Docker docs, "Optimize cache usage in builds" (order your layers).',
      bad: 'COPY . .\nRUN npm ci',
      good: 'COPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .',
    },
  },
  check({ file, report }) {
    // The first copy of the whole context in each stage, in one pass over the file's COPY sources.
    const copyAllOfStage = new Map<DockerfileStage, ContextSource>();
    for (const source of contextSources(file))
      if (isWholeContext(source) && !copyAllOfStage.has(source.copy.stage)) copyAllOfStage.set(source.copy.stage, source);
    const pipByCommand = new Map(pipInstallCalls(file).map((call) => [call.command, call]));
    for (const [stage, copyAll] of copyAllOfStage) {
      const copyLine = copyAll.copy.instruction.getRange().start.line;
      for (const run of runsOfStage(file, stage)) {
        if (run.onbuild || run.instruction.getRange().start.line < copyLine) continue;
        const install = dependencyInstall(run, pipByCommand);
        if (!install) continue;
        report({
          messageId: 'copyAllFirst',
          data: {
            instruction: copyAll.copy.instruction.getKeyword(),
            source: copyAll.value,
            install: install.text,
            installLine: run.instruction.getRange().start.line + 1,
            manifests: install.manifests,
          },
          range: copyAll.copy.instruction.getRange(),
        });
        break;
      }
    }
  },
});

interface Install {
  text: string;
  manifests: string;
}

/** The first command of the RUN that installs the project's dependencies from its manifests. */
function dependencyInstall(run: RunInstruction, pipByCommand: ReadonlyMap<RunCommand, ToolCall>): Install | undefined {
  for (const command of run.commands) {
    const pip = pipByCommand.get(command);
    if (pip && hasOptionNamed(pip, '-r', '--requirement')) return { text: 'pip install -r', manifests: 'the requirements file' };
    const install = toolInstall(run, command);
    if (install) return install;
  }
  return undefined;
}

function toolInstall(run: RunInstruction, command: RunCommand): Install | undefined {
  const program = command.program === 'mvnw' ? 'mvn' : command.program;
  const call = () => parseCall(run, command, 0, program === 'npm' ? NPM_SYNTAX : {});
  switch (program) {
    case 'npm': {
      const npm = call();
      // `npm install <package>` adds a tool, not the project's dependencies.
      if (hasSubcommand(npm, ...NPM_CLEAN_INSTALL) || (hasSubcommand(npm, ...NPM_INSTALL) && subcommandOperands(npm).length === 0))
        return { text: `npm ${npm.operands[0]!.value}`, manifests: 'package.json and package-lock.json' };
      return undefined;
    }
    case 'yarn': {
      const yarn = call();
      return yarn.operands.length === 0 || hasSubcommand(yarn, 'install') ? { text: 'yarn install', manifests: 'package.json and yarn.lock' } : undefined;
    }
    case 'pnpm': {
      const pnpm = call();
      return (hasSubcommand(pnpm, 'install', 'i') && subcommandOperands(pnpm).length === 0) || hasSubcommand(pnpm, 'fetch')
        ? { text: `pnpm ${pnpm.operands[0]!.value}`, manifests: 'package.json and pnpm-lock.yaml' }
        : undefined;
    }
    default:
      return MANIFEST_INSTALLS.find((known) => known.program === program && known.matches(call()));
  }
}

const MANIFEST_INSTALLS: readonly (Install & { program: string; matches: (call: ToolCall) => boolean })[] = [
  { program: 'poetry', text: 'poetry install', manifests: 'pyproject.toml and poetry.lock', matches: (call) => hasSubcommand(call, 'install') },
  { program: 'pipenv', text: 'pipenv install', manifests: 'Pipfile and Pipfile.lock', matches: (call) => hasSubcommand(call, 'install', 'sync') },
  { program: 'uv', text: 'uv sync', manifests: 'pyproject.toml and uv.lock', matches: (call) => hasSubcommand(call, 'sync') },
  {
    program: 'go',
    text: 'go mod download',
    manifests: 'go.mod and go.sum',
    matches: (call) => hasSubcommand(call, 'mod') && call.operands[1]?.value === 'download',
  },
  {
    program: 'bundle',
    text: 'bundle install',
    manifests: 'Gemfile and Gemfile.lock',
    matches: (call) => call.operands.length === 0 || hasSubcommand(call, 'install'),
  },
  { program: 'composer', text: 'composer install', manifests: 'composer.json and composer.lock', matches: (call) => hasSubcommand(call, 'install') },
  {
    program: 'mvn',
    text: 'mvn dependency:go-offline',
    manifests: 'pom.xml',
    matches: (call) => call.operands.some((operand) => operand.value === 'dependency:go-offline' || operand.value === 'dependency:resolve'),
  },
  { program: 'dotnet', text: 'dotnet restore', manifests: 'the project files (*.csproj)', matches: (call) => hasSubcommand(call, 'restore') },
  { program: 'cargo', text: 'cargo fetch', manifests: 'Cargo.toml and Cargo.lock', matches: (call) => hasSubcommand(call, 'fetch') },
];
