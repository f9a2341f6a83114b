import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callRange } from '../support/packageManagers';
import { assumeYesFix, DNF_PROGRAMS, installsWithoutAssumeYes } from '../support/rpmPackages';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineDockerfileRule({
  id: 'dockerfile/dnf-yes',
  meta: {
    severity: 'warning',
    description: '`dnf install` or `microdnf install` without `-y` can stop at a confirmation prompt that a build cannot answer.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3038'],
    messages: {
      missingYes:
        '`{{program}} {{subcommand}}` without -y can stop at a confirmation prompt that the build cannot answer; add -y: `{{program}} {{subcommand}} -y …`.',
    },
    explanation: {
      why: 'Without -y, dnf asks "Is this ok [y/N]"; a build has no one to answer, so dnf aborts and the RUN fails.',
      standard: 'hadolint DL3038.',
      bad: 'RUN dnf install httpd && dnf clean all',
      good: 'RUN dnf install -y httpd && dnf clean all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of installsWithoutAssumeYes(run, DNF_PROGRAMS)) {
        report({
          messageId: 'missingYes',
          data: { program: call.command.program!, subcommand: call.operands[0]!.value! },
          range: callRange(call),
          fixes: assumeYesFix(file, call),
        });
      }
    }
  },
});
