import type { Instruction, JSONInstruction, Onbuild } from 'dockerfile-ast';
import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import { jsonStrings, type RunInstruction } from '../../parsing/dockerfileRun';
import { callRange, callsOf, hasOptionNamed, hasSubcommand, NPM_SYNTAX, replaceWord, subcommandOperands, type ToolCall } from '../support/packageManagers';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/npm-install-not-ci',
  meta: {
    severity: 'info',
    description: '`npm install` without packages runs where a lockfile was copied in, so `npm ci` would install exactly the locked versions.',
    fixable: true,
    aliases: [],
    messages: {
      useCi:
        '`npm install` may update the copied-in lockfile and install other versions than it pins; use `npm ci`, which installs exactly the locked tree and fails if package.json and the lockfile disagree.',
    },
    explanation: {
      why: '`npm install` resolves package.json again and may install other versions than the lockfile pins (and rewrite it); `npm ci` installs exactly the locked tree and fails when the two disagree.',
      standard: 'npm docs (npm ci, for automated environments).',
      bad: 'COPY package.json package-lock.json ./\nRUN npm install',
      good: 'COPY package.json package-lock.json ./\nRUN npm ci',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['npm'], NPM_SYNTAX)) {
      if (!hasSubcommand(call, 'install', 'i') || subcommandOperands(call).length > 0 || ignoresLockfile(call)) continue;
      if (!lockfileCopiedBefore(file, call.run)) continue;
      report({ messageId: 'useCi', range: callRange(call), fixes: replaceWord(file, call, call.operands[0]!, 'ci', 'Rewrite to npm ci') });
    }
  },
});

/** Global installs and installs told to ignore the lockfile are not what `npm ci` does. */
function ignoresLockfile(call: ToolCall): boolean {
  return (
    hasOptionNamed(call, '-g', '--global', '--no-package-lock') ||
    call.options.some(({ name, value }) => (name === '--location' && value === 'global') || (name === '--package-lock' && value === 'false'))
  );
}

function lockfileCopiedBefore(file: DockerfileFile, run: RunInstruction): boolean {
  const line = run.instruction.getRange().start.line;
  const earlier = run.stage.instructions.filter((instruction) => instruction.getRange().start.line < line);
  // A trigger's COPY runs in the later build too, so ONBUILD COPY counts for an ONBUILD RUN only.
  const copies = earlier.flatMap((instruction) => {
    if (instruction.getKeyword() !== 'ONBUILD') return [instruction];
    const trigger = (instruction as Onbuild).getTriggerInstruction();
    return run.onbuild && trigger ? [trigger] : [];
  });
  return copies.filter((instruction) => ['COPY', 'ADD'].includes(instruction.getKeyword())).some((copy) => sourcesOf(file, copy).some(matchesLockfile));
}

/** The source paths of a COPY/ADD (every argument but the destination; heredoc sources are inline text). */
function sourcesOf(file: DockerfileFile, instruction: Instruction): string[] {
  const values = jsonStrings(file.document, instruction as JSONInstruction)?.map((string) => string.value) ?? instruction.getArguments().map((argument) => argument.getValue());
  return values.slice(0, -1).filter((source) => !source.startsWith('<<'));
}

function matchesLockfile(source: string): boolean {
  const name = source.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const pattern = globToRegExp(name);
  return LOCKFILES.some((lockfile) => pattern.test(lockfile));
}

/** Docker's COPY patterns (Go filepath.Match): `*`, `?` and `[…]` classes within one path segment. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const close = glob.indexOf(']', index + 2);
      if (close < 0) source += '\\[';
      else {
        source += `[${glob.slice(index + 1, close).replace(/^[!^]/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
