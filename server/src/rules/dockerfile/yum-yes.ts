import { defineDockerfileRule } from '../../engine/ruleTypes';
import { runInstructions } from '../../parsing/dockerfileRun';
import { callRange } from '../support/packageManagers';
import { assumeYesFix, installsWithoutAssumeYes, YUM_PROGRAMS } from '../support/rpmPackages';
import { FIX_WHEN } from '../support/fixConditions';

export const rule = defineDockerfileRule({
  id: 'dockerfile/yum-yes',
  meta: {
    severity: 'warning',
    description: '`yum install` without `-y` stops at a confirmation prompt that a build cannot answer.',
    fix: { when: FIX_WHEN.commandWrittenPlainly, applied: 'auto' },
    aliases: ['hadolint:DL3030'],
    messages: {
      missingYes: '`yum {{subcommand}}` without -y can stop at a confirmation prompt that the build cannot answer; add -y: `yum {{subcommand}} -y …`.',
    },
    explanation: {
      why: 'Without -y, yum asks "Is this ok [y/d/N]"; a build has no one to answer, so yum exits without installing and the RUN fails.',
      standard: 'hadolint DL3030.',
      bad: 'RUN yum install httpd && yum clean all',
      good: 'RUN yum install -y httpd && yum clean all',
    },
  },
  check({ file, report }) {
    for (const run of runInstructions(file)) {
      for (const call of installsWithoutAssumeYes(run, YUM_PROGRAMS)) {
        report({ messageId: 'missingYes', data: { subcommand: call.operands[0]!.value! }, range: callRange(call), fixes: assumeYesFix(file, call) });
      }
    }
  },
});
