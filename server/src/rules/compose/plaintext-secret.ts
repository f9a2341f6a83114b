import type { TextEdit } from 'vscode-languageserver-types';
import { defineComposeRule, type Fix, type OtherFileEdits, type RuleContext } from '../../engine/ruleTypes';
import type { ComposeFile } from '../../parsing/containerFile';
import { hasInterpolation, type EnvironmentEntry } from '../../parsing/composeService';
import { replaceScalar } from '../../parsing/yamlEdit';
import { dirnameUri, joinUri } from '../../workspace/uri';
import { projectOf, servicesHere } from '../support/compose';
import { oncePerRange } from '../support/composeMerged';
import { looksSecret } from '../support/secretNames';

/** Flags such as `MYSQL_ALLOW_EMPTY_PASSWORD: "yes"` or `REDIS_PASSWORD_ENABLED=false` have a secret-looking name but no secret. */
const FLAG_VALUE = /^(?:true|false|yes|no|on|off|[01])$/i;

export const rule = defineComposeRule({
  id: 'compose/plaintext-secret',
  meta: {
    severity: 'warning',
    description: 'A secret-looking variable of a service `environment:` holds a literal value, so the secret is in the compose file and in version control.',
    fix: { applied: 'editor-only' },
    aliases: [],
    messages: {
      literal:
        'Service "{{service}}" sets {{name}} to a literal value, so the secret sits in the compose file (and its Git history); take it from the environment or .env with ${{{variable}}:?set {{variable}}}, or mount it as a Compose secret.',
    },
    explanation: {
      why: 'Compose files are committed and shared, so a literal password or token in `environment:` is readable by everyone with the repository and stays in its history. Interpolation takes the value from the shell or an uncommitted `.env`, and `:?` makes Compose refuse to start without it. The quick fix is never applied by fix-all or `lint --fix`: it removes the value, so `docker compose up` fails until the variable is set.',
      standard: 'Container standard "Secret Management: use external secret management systems"; Compose docs, "Use secrets in Compose".',
      bad: 'services:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: dev',
      good: 'services:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD}',
    },
  },
  check(context) {
    const firstTime = oncePerRange();
    for (const { service, definition } of servicesHere(context)) {
      for (const entry of definition.environment) {
        if (entry.value === undefined || !looksSecret(entry.name) || !isLiteralSecret(entry.value)) continue;
        // A value reached through an anchor is one text, reported (and fixed) once where it is written.
        const written = (entry.valueView ?? entry.view).atDefinition;
        if (!firstTime(written.range)) continue;
        const variable = variableNameFor(entry.name);
        context.report({
          messageId: 'literal',
          data: { service: service.name, name: entry.name, variable },
          range: entry.valueView?.isWrittenHere ? entry.valueView.pairRange : written.range,
          fixes: () => interpolationFix(context, entry, variable),
        });
      }
    }
  },
});

function isLiteralSecret(value: string): boolean {
  return value.trim() !== '' && !hasInterpolation(value) && !FLAG_VALUE.test(value.trim());
}

/** Compose variables are `[A-Za-z_][A-Za-z0-9_]*`; `spring.datasource.password` becomes SPRING_DATASOURCE_PASSWORD. */
function variableNameFor(name: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return name;
  const upper = name.toUpperCase().replace(/[^A-Z0-9_]+/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

function interpolationFix(context: RuleContext<ComposeFile>, entry: EnvironmentEntry, variable: string): Fix[] {
  const reference = `\${${variable}:?set ${variable}}`;
  const edit = entry.valueView ? replaceScalar(entry.valueView.atDefinition, reference) : replaceScalar(entry.view.atDefinition, `${entry.name}=${reference}`);
  if (!edit) return [];
  const example = exampleEdit(context, variable);
  return [
    {
      title: `Take ${entry.name} from the environment (\${${variable}})${example ? ' and list it in .env.example' : ''}`,
      edits: [edit],
      ...(example ? { editFiles: [example] } : {}),
      unsafe: true,
    },
  ];
}

/** `VARIABLE=` at the end of the project's `.env.example`, when there is one and it does not list the variable yet. */
function exampleEdit(context: RuleContext<ComposeFile>, variable: string): OtherFileEdits | undefined {
  const projectFolder = dirnameUri(projectOf(context).layerUris[0] ?? context.file.uri);
  const uri = joinUri(projectFolder, '.env.example');
  const text = context.workspace.readText(uri);
  if (text === undefined || new RegExp(`^\\s*(?:export\\s+)?${variable}\\s*=`, 'm').test(text)) return undefined;
  const lines = text.split(/\r\n|\r|\n/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const end = { line: lines.length - 1, character: lines.at(-1)?.length ?? 0 };
  const needsBreak = text !== '' && !text.endsWith('\n');
  const edit: TextEdit = { range: { start: end, end }, newText: `${needsBreak ? eol : ''}${variable}=${eol}` };
  return { uri, edits: [edit] };
}
