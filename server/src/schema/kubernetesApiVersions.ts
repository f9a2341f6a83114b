/**
 * Kubernetes API versions that were deprecated and removed, by kind, from the upstream "Deprecated API Migration
 * Guide" (kubernetes.io/docs/reference/using-api/deprecation-guide/) and the deprecation warnings the API server
 * sends (`<apiVersion> <Kind> is deprecated in v1.X+, unavailable in v1.Y+`).
 */
export interface RetiredApi {
  apiVersion: string;
  kind: string;
  /** Kubernetes minor version (1.x) from which the API server warns. */
  deprecated: number;
  /** Kubernetes minor version from which the API server no longer serves it. */
  removed: number;
  /** The apiVersion to use instead, or none when the API went away (PodSecurityPolicy). */
  replacement?: string;
  /** Kubernetes minor version from which the replacement is served. */
  replacementSince?: number;
  /** The apiVersion that bridged the gap, for target versions that do not serve the replacement yet. */
  interim?: { apiVersion: string; since: number };
  /** What to do instead when there is no replacement, or what else changes with the replacement. */
  advice?: string;
}

/** One entry per apiVersion and kinds that went the same way. */
interface RetiredGroup extends Omit<RetiredApi, 'kind'> {
  kinds: readonly string[];
}

const WORKLOAD_DEFAULTS =
  'apps/v1 requires spec.selector and changes defaults (revisionHistoryLimit 10, progressDeadlineSeconds 600, DaemonSet updateStrategy RollingUpdate)';

const RETIRED: readonly RetiredGroup[] = [
  // Removed in 1.16.
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Deployment', 'DaemonSet', 'ReplicaSet'],
    deprecated: 8,
    removed: 16,
    replacement: 'apps/v1',
    replacementSince: 9,
    advice: WORKLOAD_DEFAULTS,
  },
  {
    apiVersion: 'apps/v1beta1',
    kinds: ['Deployment', 'StatefulSet', 'ControllerRevision'],
    deprecated: 9,
    removed: 16,
    replacement: 'apps/v1',
    replacementSince: 9,
    advice: WORKLOAD_DEFAULTS,
  },
  {
    apiVersion: 'apps/v1beta2',
    kinds: ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'],
    deprecated: 9,
    removed: 16,
    replacement: 'apps/v1',
    replacementSince: 9,
    advice: WORKLOAD_DEFAULTS,
  },
  { apiVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], deprecated: 9, removed: 16, replacement: 'networking.k8s.io/v1', replacementSince: 7 },
  { apiVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], deprecated: 11, removed: 16, replacement: 'policy/v1beta1', replacementSince: 10 },
  // Removed in 1.22.
  {
    apiVersion: 'admissionregistration.k8s.io/v1beta1',
    kinds: ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
    deprecated: 16,
    removed: 22,
    replacement: 'admissionregistration.k8s.io/v1',
    replacementSince: 16,
  },
  {
    apiVersion: 'apiextensions.k8s.io/v1beta1',
    kinds: ['CustomResourceDefinition'],
    deprecated: 16,
    removed: 22,
    replacement: 'apiextensions.k8s.io/v1',
    replacementSince: 16,
  },
  {
    apiVersion: 'apiregistration.k8s.io/v1beta1',
    kinds: ['APIService'],
    deprecated: 19,
    removed: 22,
    replacement: 'apiregistration.k8s.io/v1',
    replacementSince: 10,
  },
  {
    apiVersion: 'authentication.k8s.io/v1beta1',
    kinds: ['TokenReview'],
    deprecated: 19,
    removed: 22,
    replacement: 'authentication.k8s.io/v1',
    replacementSince: 6,
  },
  {
    apiVersion: 'authorization.k8s.io/v1beta1',
    kinds: ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SubjectAccessReview', 'SelfSubjectRulesReview'],
    deprecated: 19,
    removed: 22,
    replacement: 'authorization.k8s.io/v1',
    replacementSince: 6,
  },
  {
    apiVersion: 'certificates.k8s.io/v1beta1',
    kinds: ['CertificateSigningRequest'],
    deprecated: 19,
    removed: 22,
    replacement: 'certificates.k8s.io/v1',
    replacementSince: 19,
  },
  { apiVersion: 'coordination.k8s.io/v1beta1', kinds: ['Lease'], deprecated: 19, removed: 22, replacement: 'coordination.k8s.io/v1', replacementSince: 14 },
  {
    apiVersion: 'extensions/v1beta1',
    kinds: ['Ingress'],
    deprecated: 14,
    removed: 22,
    replacement: 'networking.k8s.io/v1',
    replacementSince: 19,
    interim: { apiVersion: 'networking.k8s.io/v1beta1', since: 14 },
  },
  {
    apiVersion: 'networking.k8s.io/v1beta1',
    kinds: ['Ingress', 'IngressClass'],
    deprecated: 19,
    removed: 22,
    replacement: 'networking.k8s.io/v1',
    replacementSince: 19,
  },
  {
    apiVersion: 'rbac.authorization.k8s.io/v1beta1',
    kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    deprecated: 17,
    removed: 22,
    replacement: 'rbac.authorization.k8s.io/v1',
    replacementSince: 8,
  },
  { apiVersion: 'scheduling.k8s.io/v1beta1', kinds: ['PriorityClass'], deprecated: 14, removed: 22, replacement: 'scheduling.k8s.io/v1', replacementSince: 14 },
  {
    apiVersion: 'storage.k8s.io/v1beta1',
    kinds: ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
    deprecated: 19,
    removed: 22,
    replacement: 'storage.k8s.io/v1',
    replacementSince: 18,
  },
  // Removed in 1.25.
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], deprecated: 21, removed: 25, replacement: 'batch/v1', replacementSince: 21 },
  { apiVersion: 'discovery.k8s.io/v1beta1', kinds: ['EndpointSlice'], deprecated: 21, removed: 25, replacement: 'discovery.k8s.io/v1', replacementSince: 21 },
  { apiVersion: 'events.k8s.io/v1beta1', kinds: ['Event'], deprecated: 22, removed: 25, replacement: 'events.k8s.io/v1', replacementSince: 19 },
  {
    apiVersion: 'autoscaling/v2beta1',
    kinds: ['HorizontalPodAutoscaler'],
    deprecated: 22,
    removed: 25,
    replacement: 'autoscaling/v2',
    replacementSince: 23,
    interim: { apiVersion: 'autoscaling/v2beta2', since: 12 },
  },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget'], deprecated: 21, removed: 25, replacement: 'policy/v1', replacementSince: 21 },
  {
    apiVersion: 'policy/v1beta1',
    kinds: ['PodSecurityPolicy'],
    deprecated: 21,
    removed: 25,
    advice: 'enforce the Pod Security Standards with Pod Security Admission (namespace label pod-security.kubernetes.io/enforce) or a policy engine instead',
  },
  { apiVersion: 'node.k8s.io/v1beta1', kinds: ['RuntimeClass'], deprecated: 22, removed: 25, replacement: 'node.k8s.io/v1', replacementSince: 20 },
  // Removed in 1.26.
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta1',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    deprecated: 23,
    removed: 26,
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    replacementSince: 29,
    interim: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: 26 },
  },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], deprecated: 23, removed: 26, replacement: 'autoscaling/v2', replacementSince: 23 },
  // Removed in 1.27.
  { apiVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], deprecated: 24, removed: 27, replacement: 'storage.k8s.io/v1', replacementSince: 24 },
  // Removed in 1.29 and 1.32.
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta2',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    deprecated: 26,
    removed: 29,
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    replacementSince: 29,
    interim: { apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', since: 26 },
  },
  {
    apiVersion: 'flowcontrol.apiserver.k8s.io/v1beta3',
    kinds: ['FlowSchema', 'PriorityLevelConfiguration'],
    deprecated: 29,
    removed: 32,
    replacement: 'flowcontrol.apiserver.k8s.io/v1',
    replacementSince: 29,
  },
];

const byKey = new Map<string, RetiredApi>(
  RETIRED.flatMap(({ kinds, ...group }) => kinds.map((kind) => [`${group.apiVersion} ${kind}`, { ...group, kind }] as const)),
);

/** What is known of an apiVersion/kind that Kubernetes deprecated or removed; undefined for one that is current. */
export function retiredApi(apiVersion: string, kind: string): RetiredApi | undefined {
  return byKey.get(`${apiVersion} ${kind}`);
}

/** Every retired apiVersion/kind, for documentation and tests. */
export function retiredApis(): RetiredApi[] {
  return [...byKey.values()];
}
