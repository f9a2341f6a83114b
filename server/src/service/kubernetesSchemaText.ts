import type { KubernetesField, KubernetesSchemaInfo } from '../schema/kubernetesSchema';
import { namedType } from '../schema/schemaMessages';

/** The API's own marks: `Deprecated: Use serviceAccountName instead.`, `Deprecated. TCPSocket is NOT supported…`. */
const DEPRECATED = /(?:^|[.\n]\s*)Deprecated[:.]/;
/** Fields the cluster fills in (uid, resourceVersion, managedFields): nobody writes them in a manifest. */
const SET_BY_CLUSTER = /Read-only\.|Populated by the system|users typically shouldn't need to set/;

export function isDeprecated(description: string | undefined): boolean {
  return DEPRECATED.test(description ?? '');
}

/** Whether a manifest has no business writing the field: the cluster writes it (and `status`, at the top). */
export function isSetByCluster(field: KubernetesField, atTop: boolean): boolean {
  return (atTop && field.name === 'status') || SET_BY_CLUSTER.test(field.description ?? '');
}

/** `quantity`, `int-or-string`, `string`, `integer | string`, `array`, or `any` when anything goes. */
export function typeText(info: Pick<KubernetesSchemaInfo, 'types' | 'typeName'>): string {
  if (info.typeName) return info.typeName;
  return info.types.length > 0 ? info.types.join(' | ') : 'any';
}

/** What the schema says of a place, as markdown: description, the form of its values, the values allowed. */
export function schemaMarkdown(info: Pick<KubernetesSchemaInfo, 'description' | 'enum' | 'typeName'>): string | undefined {
  const sections: string[] = [];
  if (info.description) sections.push(info.description.trim());
  const form = info.typeName ? namedType({ 'x-type-name': info.typeName }) : undefined;
  if (form) sections.push(`Takes ${form}.`);
  const values = info.enum?.filter((value) => value === null || typeof value !== 'object');
  if (values && values.length > 0 && !info.description?.includes('Possible enum values')) {
    sections.push(`Allowed values: ${values.map((value) => `\`${String(value)}\``).join(', ')}`);
  }
  return sections.length > 0 ? sections.join('\n\n') : undefined;
}
