import { isScalar } from 'yaml';
import { defineComposeRule } from '../../engine/ruleTypes';
import { prevailingQuotes, type QuoteStyle, quoted } from '../../parsing/yamlQuotes';
import { servicesHere } from '../support/compose';

/** The sections dclint checks by default (its `portsSections` option). */
const SECTIONS = ['ports', 'expose'] as const;

export const rule = defineComposeRule({
  id: 'compose/require-quotes-in-ports',
  meta: {
    severity: 'info',
    description: 'A port in `ports` or `expose` is written without quotes.',
    fix: { applied: 'auto' },
    aliases: ['dclint:require-quotes-in-ports'],
    messages: {
      unquoted: 'Port {{port}} in "{{section}}" is not quoted; quote it so that every YAML parser reads it as the same string.',
    },
    explanation: {
      why: "YAML 1.1 parsers read an unquoted `HOST:CONTAINER` of numbers below 60 as a base-60 integer (`22:22` becomes 1342), which is why the Compose documentation quotes ports; quoting every port keeps the list uniform and safe whatever reads the file. The fix uses the quotes the file mostly uses, or double quotes when it has no preference (dclint's default `quoteType` is single; unlike dclint, ports quoted the other way are left alone).",
      standard: 'Compose file reference, ports ("always specify port mappings as strings"); dclint require-quotes-in-ports.',
      bad: 'services:\n  ssh:\n    image: linuxserver/openssh-server:9.7\n    ports:\n      - 127.0.0.1:22:22',
      good: 'services:\n  ssh:\n    image: linuxserver/openssh-server:9.7\n    ports:\n      - "127.0.0.1:22:22"',
    },
  },
  check(context) {
    let style: QuoteStyle | undefined;
    for (const { definition } of servicesHere(context)) {
      for (const section of SECTIONS) {
        for (const item of definition.get(section)?.items() ?? []) {
          const node = item.node;
          if (!item.isWrittenHere || !isScalar(node) || node.type !== 'PLAIN' || item.text === undefined) continue;
          // As written: `08080` is a number to YAML, and quoting its value would drop the zero.
          const port = context.file.document.getText(item.range);
          context.report({
            messageId: 'unquoted',
            data: { port, section },
            range: item.range,
            fixes: () => {
              style ??= prevailingQuotes(context.file.yaml);
              return [{ title: `Quote ${port}`, edits: [{ range: item.range, newText: quoted(port, style) }] }];
            },
          });
        }
      }
    }
  },
});
