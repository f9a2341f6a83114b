import { isScalar } from 'yaml';
import { defineComposeRule } from '../../engine/ruleTypes';
import { needsQuotes } from '../../parsing/yamlEdit';
import { servicesHere } from '../support/compose';

export const rule = defineComposeRule({
  id: 'compose/no-quotes-in-volumes',
  meta: {
    severity: 'off',
    description: 'A short-syntax volume of a service is quoted where plain text means the same.',
    fix: { applied: 'auto' },
    aliases: ['dclint:no-quotes-in-volumes'],
    messages: {
      quoted: 'The volume {{volume}} is quoted, though it reads the same without quotes; remove them.',
    },
    explanation: {
      why: 'A style rule (off unless switched on): volumes written one way throughout are easier to scan and to compare in reviews. Quotes stay where YAML needs them (a value with `: ` or ` #`, or starting with `*`, `&`, `{`…).',
      standard: 'dclint no-quotes-in-volumes.',
      bad: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - "db-data:/var/lib/postgresql/data"',
      good: 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - db-data:/var/lib/postgresql/data',
    },
  },
  check(context) {
    for (const { definition } of servicesHere(context)) {
      for (const { view } of definition.volumes) {
        const node = view.node;
        if (!view.isWrittenHere || !isScalar(node) || typeof node.value !== 'string') continue;
        if ((node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || needsQuotes(node.value) || node.value.endsWith(':')) continue;
        context.report({
          messageId: 'quoted',
          data: { volume: JSON.stringify(node.value) },
          range: view.range,
          fixes: [{ title: 'Remove the quotes', edits: [{ range: view.range, newText: node.value }] }],
        });
      }
    }
  },
});
