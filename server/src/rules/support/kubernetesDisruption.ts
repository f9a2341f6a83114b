import type { KubernetesObject } from '../../parsing/kubernetes';

/** A PodDisruptionBudget of the policy API. */
export function isDisruptionBudget(object: KubernetesObject): boolean {
  return object.kind === 'PodDisruptionBudget' && object.group === 'policy';
}

/** An int-or-string budget (`2`, `"50%"`): a count, or a percentage of the replicas. Undefined when it is neither. */
export function readBudget(value: unknown): { count: number } | { percent: number } | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return { count: value };
  const percent = typeof value === 'string' ? /^(\d+)%$/.exec(value.trim()) : null;
  return percent ? { percent: Number(percent[1]) } : undefined;
}
