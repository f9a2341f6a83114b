import type { YamlView } from './yamlView';

/** One condition of a label selector: a `matchLabels` entry (operator `Equals`) or a `matchExpressions` item. */
export interface Requirement {
  readonly key: string;
  readonly operator: 'Equals' | 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

export interface LabelRequirement extends Requirement {
  /** Where it is written: the `matchLabels` pair's value, or the expression's mapping. */
  readonly view: YamlView;
}

/** A label selector the way the API server reads it: every requirement must hold. */
export interface LabelSelector {
  readonly requirements: readonly LabelRequirement[];
  readonly view: YamlView;
}

/** What a selector selects, without where it is written: data that may be kept across edits. */
export function plainRequirements(selector: LabelSelector): Requirement[] {
  return selector.requirements.map(({ key, operator, values }) => ({ key, operator, values }));
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/**
 * A `LabelSelector` (`matchLabels` + `matchExpressions`: Deployments, PDBs, affinity terms) or, with `plainMap`, a
 * map of labels (a Service's or ReplicationController's `selector`). Undefined when part of it cannot be read (a
 * value that is not text, an unknown operator): what it selects is then not known, and nothing is reported.
 */
export function readLabelSelector(view: YamlView | undefined, options: { plainMap?: boolean } = {}): LabelSelector | undefined {
  if (!view?.isMap) return undefined;
  const requirements: LabelRequirement[] = [];
  const matchLabels = options.plainMap ? view : view.get('matchLabels');
  if (matchLabels && !matchLabels.isMap && matchLabels.scalar !== null) return undefined;
  for (const [key, value] of matchLabels?.entries() ?? []) {
    const text = value.text;
    if (text === undefined) return undefined;
    requirements.push({ key, operator: 'Equals', values: [text], view: value });
  }
  if (!options.plainMap) {
    const expressions = view.get('matchExpressions');
    if (expressions && !expressions.isSeq && expressions.scalar !== null) return undefined;
    for (const expression of expressions?.items() ?? []) {
      const requirement = readExpression(expression);
      if (!requirement) return undefined;
      requirements.push(requirement);
    }
  }
  return { requirements, view };
}

function readExpression(view: YamlView): LabelRequirement | undefined {
  const key = view.get('key')?.text;
  const operator = view.get('operator')?.string;
  if (key === undefined || !operator || !OPERATORS.has(operator)) return undefined;
  const values: string[] = [];
  for (const item of view.get('values')?.items() ?? []) {
    const text = item.text;
    if (text === undefined) return undefined;
    values.push(text);
  }
  return { key, operator: operator as LabelRequirement['operator'], values, view };
}

export function requirementHolds(requirement: Requirement, labels: ReadonlyMap<string, string>): boolean {
  const value = labels.get(requirement.key);
  switch (requirement.operator) {
    case 'Equals':
    case 'In':
      return value !== undefined && requirement.values.includes(value);
    case 'NotIn':
      return value === undefined || !requirement.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
  }
}

/** Whether a selector's requirements select an object with these labels. An empty selector selects everything. */
export function selects(requirements: readonly Requirement[], labels: ReadonlyMap<string, string>): boolean {
  return requirements.every((requirement) => requirementHolds(requirement, labels));
}

/** The selector as `kubectl` prints it: `app=web,tier in (a,b),!legacy`. */
export function describeSelector(requirements: readonly Requirement[]): string {
  return requirements
    .map(({ key, operator, values }) => {
      if (operator === 'Equals') return `${key}=${values[0]}`;
      if (operator === 'Exists') return key;
      if (operator === 'DoesNotExist') return `!${key}`;
      return `${key} ${operator === 'In' ? 'in' : 'notin'} (${values.join(',')})`;
    })
    .join(',');
}

/** Labels as `kubectl` prints them: `app=web,tier=front`. */
export function describeLabels(labels: ReadonlyMap<string, string>): string {
  return [...labels].map(([key, value]) => `${key}=${value}`).join(',');
}
