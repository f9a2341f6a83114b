import { defineComposeRule } from '../../engine/ruleTypes';
import { deletePair } from '../../parsing/yamlEdit';
import { YamlView } from '../../parsing/yamlView';

export const rule = defineComposeRule({
  id: 'compose/obsolete-version',
  meta: {
    severity: 'warning',
    description: 'The top-level `version` key is obsolete: Compose ignores it and always applies the current specification.',
    fix: { applied: 'auto' },
    aliases: ['dclint:no-version-field'],
    messages: {
      obsolete: 'The top-level "version" is obsolete and ignored by Docker Compose; delete it.',
    },
    explanation: {
      why: 'Docker Compose ignores `version` and always applies the current Compose Specification, so the key only suggests a file-format choice that no longer exists, and every `docker compose` run warns about it.',
      standard: 'Compose Specification ("version" is obsolete); dclint no-version-field.',
      bad: "version: '3.8'\nservices:\n  web:\n    image: nginx:1.27",
      good: 'services:\n  web:\n    image: nginx:1.27',
    },
  },
  check({ file, report }) {
    const document = file.yaml.documents[0];
    const version = document && YamlView.root(document)?.get('version');
    if (!version?.key) return;
    const deletion = deletePair(version);
    report({
      messageId: 'obsolete',
      range: version.pairRange,
      fixes: deletion ? [{ title: 'Delete the obsolete "version" line', edits: [deletion] }] : [],
    });
  },
});
