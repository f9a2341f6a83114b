import packageJson from '../../../package.json';

/** Where a rule is documented: its section of the generated RULES.md in the project repository. */
export function docsUrl(ruleId: string): string {
  // Asked for every finding of every check, so each rule's address is built once.
  let url = docsUrls.get(ruleId);
  if (!url) {
    url = `${packageJson.homepage}/blob/main/RULES.md#${ruleAnchor(ruleId)}`;
    docsUrls.set(ruleId, url);
  }
  return url;
}

const docsUrls = new Map<string, string>();

/** The anchor GitHub gives a `### <rule id>` heading. */
export function ruleAnchor(ruleId: string): string {
  return ruleId.toLowerCase().replace(/[^a-z0-9 -]/g, '');
}
