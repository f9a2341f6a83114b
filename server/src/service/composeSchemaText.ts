import { composeSchema, type SchemaBranch } from '../schema/composeSchemaNavigator';

/** What the schema says of a place, as markdown: its description, the values it allows, whether it is deprecated. */
export function schemaMarkdown(branches: readonly SchemaBranch[]): string | undefined {
  const summary = composeSchema.summary(branches);
  const sections: string[] = [];
  if (summary.deprecated) sections.push('*Deprecated.*');
  if (summary.description) sections.push(summary.description);
  if (summary.values.length > 0) sections.push(`Allowed values: ${summary.values.map((value) => `\`${String(value)}\``).join(', ')}`);
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}

/** A hover on a key: its name and types, then what the schema says of it. */
export function keyHoverMarkdown(name: string, branches: readonly SchemaBranch[]): string {
  const { types } = composeSchema.summary(branches);
  const heading = `**${name}**${types.length > 0 ? ` · \`${types.join(' | ')}\`` : ''}`;
  // `x-` keys hold anything: Compose ignores them, and files keep YAML anchors there.
  const description =
    schemaMarkdown(branches) ?? (name.startsWith('x-') ? 'Extension field: Compose ignores it (a place for YAML anchors to reuse).' : undefined);
  return description ? `${heading}\n\n${description}` : heading;
}
