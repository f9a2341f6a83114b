import packageJson from '../../../package.json';

/** Where a rule is documented: its section of the generated RULES.md in the project repository. */
export function docsUrl(ruleId: string): string {
  return `${packageJson.homepage}/blob/main/RULES.md#${ruleAnchor(ruleId)}`;
}

/** The anchor GitHub gives a `### <rule id>` heading. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}
