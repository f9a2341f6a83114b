import type { Rule } from '../engine/ruleTypes';
import { rule as composeObsoleteVersion } from './compose/obsolete-version';
import { rule as composeSyntax } from './compose/syntax';
import { rule as dockerfileLatestTag } from './dockerfile/latest-tag';
import { rule as dockerfileShellFormCmd } from './dockerfile/shell-form-cmd';
import { rule as dockerfileSyntax } from './dockerfile/syntax';
import { rule as k8sLatestTag } from './k8s/latest-tag';
import { rule as k8sSyntax } from './k8s/syntax';

/** Every rule, sorted by id (a test keeps it sorted and in step with the files under rules/). */
export const rules: readonly Rule[] = [
  composeObsoleteVersion,
  composeSyntax,
  dockerfileLatestTag,
  dockerfileShellFormCmd,
  dockerfileSyntax,
  k8sLatestTag,
  k8sSyntax,
];

export const rulesById: ReadonlyMap<string, Rule> = new Map(rules.map((rule) => [rule.id, rule]));
