import type { RuleContext } from '../../engine/ruleTypes';
import type { KubernetesFile } from '../../parsing/containerFile';
import { containersOf, type ContainerView, type KubernetesObject, type Workload, workloadOf } from '../../parsing/kubernetes';

/**
 * What Kubernetes rules ask of the model. Objects of a document that does not parse are left to k8s/syntax: what
 * the parser recovered may not be what the user meant.
 */
export function objectsHere({ file }: RuleContext<KubernetesFile>): KubernetesObject[] {
  return file.objects.filter((object) => object.document.parsed.errors.length === 0);
}

/** Every workload of the file (Pods, controllers with a pod template, Knative Services). */
export function workloadsHere(context: RuleContext<KubernetesFile>): Workload[] {
  return objectsHere(context)
    .map(workloadOf)
    .filter((workload) => workload !== undefined);
}

/** Every container, init container and ephemeral container of every workload of the file, with its pod spec. */
export function containersHere(context: RuleContext<KubernetesFile>): ContainerView[] {
  return workloadsHere(context).flatMap(containersOf);
}

/**
 * Whether the object is a fragment rather than a whole manifest: an apps/v1 controller without `spec.selector`, which
 * the API server refuses, is a kustomize patch; replica counts and scheduling are the base's business.
 */
export function isPatch(object: KubernetesObject): boolean {
  return object.group === 'apps' && !object.view.at('spec', 'selector');
}

const memosOfParse = new WeakMap<object, Map<string, unknown>>();

/**
 * What `compute` works out from an object, kept with its document's parse, which re-parsing the file keeps for every
 * document an edit did not touch: a rule over a long manifest then reads only the edited document again. The result
 * must be plain data, no views nor ranges: the parse's offsets move with the text before it.
 */
export function perParse<T>(object: KubernetesObject, key: string, compute: () => T): T {
  let memos = memosOfParse.get(object.document.parsed);
  if (!memos) {
    memos = new Map();
    memosOfParse.set(object.document.parsed, memos);
  }
  if (memos.has(key)) return memos.get(key) as T;
  const result = compute();
  memos.set(key, result);
  return result;
}
