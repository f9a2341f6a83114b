import { defineDockerfileRule } from '../../engine/ruleTypes';
import { APT_SYNTAX, callRange, callsOf, hasOptionNamed, hasSubcommand, insertOptionAfter, type ToolCall } from '../support/packageManagers';
import { FIX_WHEN } from '../support/fixConditions';
import { layersShip } from '../support/shippedLayers';

export const rule = defineDockerfileRule({
  id: 'dockerfile/apt-no-install-recommends',
  meta: {
    severity: 'info',
    description: '`apt-get install` without `--no-install-recommends` also installs the recommended packages, which the image rarely needs.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3015'],
    messages: {
      recommends: '`apt-get install` also installs recommended packages, which bloat the image; add `--no-install-recommends` and list what you need.',
    },
    explanation: {
      why: 'apt-get also installs every package\'s "recommended" packages by default: often many megabytes the application never uses, each one more to download and patch.',
      standard: 'Container standard "minimal images"; hadolint DL3015.',
      bad: 'RUN apt-get install -y curl',
      good: 'RUN apt-get install -y --no-install-recommends curl',
    },
  },
  check({ file, report }) {
    for (const call of callsOf(file, ['apt-get'], APT_SYNTAX)) {
      if (!hasSubcommand(call, 'install') || skipsRecommends(call) || !layersShip(file, call.run)) continue;
      report({
        messageId: 'recommends',
        range: callRange(call),
        fixes: insertOptionAfter(file, call, call.operands[0]!, '--no-install-recommends', 'Add --no-install-recommends'),
      });
    }
  },
});

const FALSE = /^(false|no|off|0)$/i;

function skipsRecommends(call: ToolCall): boolean {
  return (
    hasOptionNamed(call, '--no-install-recommends') ||
    call.options.some(({ name, value }) => {
      if (name === '--install-recommends') return value !== undefined && FALSE.test(value);
      const setting = (name === '-o' || name === '--option') && value ? /^APT::Install-Recommends=(.*)$/i.exec(value) : null;
      return setting !== null && FALSE.test(setting[1]!);
    })
  );
}
