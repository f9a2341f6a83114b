import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callsIn, hasOptionNamed, insertOptionAfter } from '../support/packageManagers';
import { USERADD_SYNTAX } from '../support/users';
import { FIX_WHEN } from '../support/fixConditions';
/** hadolint's threshold: from six digits on, the sparse lastlog/faillog entries add megabytes that layers store densely. */
const LONGEST_HARMLESS_UID = 5;

export const rule = defineDockerfileRule({
  id: 'dockerfile/useradd-no-log-init',
  meta: {
    severity: 'warning',
    description: '`useradd` with a high UID and without `-l` writes huge sparse log files into the image.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3046'],
    messages: {
      noLogInit:
        '`useradd` with UID {{uid}} and without -l reserves lastlog/faillog space for every UID up to it, which bloats the layer by many megabytes; add -l (--no-log-init).',
    },
    explanation: {
      why: '`useradd` reserves lastlog and faillog space for every uid up to the new one; these sparse files are stored in full in the image layer, so a uid in the millions adds hundreds of megabytes.',
      standard: 'Docker build best practices (USER: --no-log-init); hadolint DL3046.',
      bad: 'RUN useradd -u 100000 app',
      good: 'RUN useradd -l -u 100000 app',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of callsIn(run, ['useradd'], USERADD_SYNTAX)) {
        const uid = call.options.find((option) => option.name === '-u' || option.name === '--uid')?.value;
        if (uid === undefined || uid.length <= LONGEST_HARMLESS_UID || hasOptionNamed(call, '-l', '--no-log-init')) continue;
        report({
          messageId: 'noLogInit',
          data: { uid },
          range: call.command.range,
          fixes: insertOptionAfter(file, call, call.tool, '-l', 'Add -l: useradd -l'),
        });
      }
    }
  },
});
