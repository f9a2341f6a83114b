import { defineRenderRule } from '../../engine/ruleTypes';
import { YamlView } from '../../parsing/yamlView';
import { looksSecret } from '../support/secretNames';

export const rule = defineRenderRule({
  id: 'render/plaintext-secret',
  meta: {
    severity: 'warning',
    description: 'An environment variable of the Blueprint with a secret-looking name has a literal `value`.',
    fix: { applied: 'editor-only' },
    aliases: [],
    messages: {
      literal:
        '{{key}} is a literal value in the Blueprint, readable by anyone who can read the repository; use "sync: false" and enter it in the Render Dashboard, "generateValue: true", or a reference ("fromDatabase", "fromService").',
    },
    explanation: {
      why: 'render.yaml lives in the repository: a password, token or key written as a `value` is in every clone and in the history for good. Render offers three ways to keep it out: `sync: false` (Render asks for the value in the Dashboard when the Blueprint is first synced), `generateValue: true` for secrets the application makes up itself, and `fromDatabase` / `fromService` references for connection strings. Only variables whose name says secret (PASSWORD, TOKEN, SECRET, API_KEY…) and whose value is not empty are reported. The quick fix replaces the value with `sync: false`; it is never applied by fix-all or `lint --fix`, since the value must then be entered in the Dashboard.',
      standard: 'Container standard "secrets"; Render Blueprint YAML reference (environment variables).',
      bad: 'services:\n  - type: web\n    name: web\n    runtime: docker\n    envVars:\n      - key: STRIPE_API_KEY\n        value: sk_live_0123',
      good: 'services:\n  - type: web\n    name: web\n    runtime: docker\n    envVars:\n      - key: STRIPE_API_KEY\n        sync: false',
    },
  },
  check({ file, report }) {
    for (const document of file.yaml.documents) {
      const root = YamlView.root(document);
      if (!root?.isMap || document.parsed.errors.length > 0) continue;
      const holders = [...(root.get('services')?.items() ?? []), ...(root.get('envVarGroups')?.items() ?? [])];
      for (const variable of holders.flatMap((holder) => holder.get('envVars')?.items() ?? [])) {
        const key = variable.get('key')?.string;
        const value = variable.get('value');
        const text = value?.text;
        if (!key || !value || !text || !looksSecret(key)) continue;
        report({
          messageId: 'literal',
          data: { key },
          range: value.range,
          fixes: () =>
            value.isEditable
              ? [
                  {
                    title: 'Replace the value with "sync: false" (enter it in the Render Dashboard)',
                    edits: [{ range: value.pairRange, newText: 'sync: false' }],
                    unsafe: true,
                  },
                ]
              : [],
        });
      }
    }
  },
});
