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
