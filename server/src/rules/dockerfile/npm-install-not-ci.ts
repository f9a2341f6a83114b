import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { DockerfileFile } from '../../parsing/containerFile';
import type { RunInstruction } from '../../parsing/dockerfileRun';
import { goGlobSegment } from '../../parsing/patterns';
import { copiesAndAdds, copyArguments } from '../support/copyAndAdd';
import {
  callRange,
  callsOf,
  hasOptionNamed,
  hasSubcommand,
  NPM_INSTALL,
  NPM_SYNTAX,
  replaceWord,
  subcommandOperands,
  type ToolCall,
} from '../support/packageManagers';
import { FIX_WHEN } from '../support/fixConditions';

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/npm-install-not-ci',
  meta: {
    severity: 'info',
    description: '`npm install` without packages runs where a lockfile was copied in, so `npm ci` would install exactly the locked versions.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
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
      if (!hasSubcommand(call, ...NPM_INSTALL) || subcommandOperands(call).length > 0 || ignoresLockfile(call)) continue;
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
  // A trigger's COPY runs in the later build too, so ONBUILD COPY counts for an ONBUILD RUN only.
  return copiesAndAdds(file.dockerfile, { onbuild: run.onbuild })
    .filter((copy) => copy.stage === run.stage && copy.instruction.getRange().start.line < line)
    .some((copy) => copyArguments(file, copy.instruction).sources.some((source) => !source.heredoc && matchesLockfile(source.value)));
}

function matchesLockfile(source: string): boolean {
  const name = source.replace(/\/+$/, '').split('/').at(-1) ?? '';
  const pattern = goGlobSegment(name);
  return LOCKFILES.some((lockfile) => pattern.test(lockfile));
}
