import { rule } from '../../../server/src/rules/k8s/dangling-reference';
import { ruleTester } from '../../ruleTester';

const SECRETS = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\nstringData: {password: x, user: y}\n';
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {LOG_LEVEL: info}\n';
const PVC =
  'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n';
const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web}\n';
const WEB_SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: 8080}]\n';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers: [{name: web, image: web:1.0}]\n';
const DEFINED = {
  'secrets.yaml': SECRETS,
  'config.yaml': CONFIG,
  'pvc.yaml': PVC,
  'account.yaml': ACCOUNT,
  'service.yaml': WEB_SERVICE,
  'deployment.yaml': DEPLOYMENT,
};

/** A pod whose container (and pod spec) is given as YAML lines under `containers:` and after it. */
const pod = (container: string, podSpec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: web:1.0
${container.replace(/^/gm, '      ')}
${podSpec.replace(/^(?=.)/gm, '  ')}`;

const secretEnv = (reference: string) => pod(`env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: ${reference}`);

const ingress = (backend: string, extra = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
${extra}spec:
  rules:
    - host: example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: ${backend}
`;

const hpa = (kind: string, name: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: ${kind}, name: ${name}}\n  minReplicas: 2\n  maxReplicas: 4\n`;

ruleTester(rule, {
  valid: [
    { name: 'a Secret and key defined in another file', code: secretEnv('{name: db, key: password}'), files: DEFINED },
    { name: 'optional references never fire', code: secretEnv('{name: vault, key: password, optional: true}'), files: DEFINED },
    { name: 'a workspace without any Secret keeps them elsewhere', code: secretEnv('{name: vault, key: password}'), files: { 'config.yaml': CONFIG } },
    { name: 'a name filled in later', code: secretEnv('{name: "$(SECRET_NAME)", key: password}'), files: DEFINED },
    {
      name: 'Secrets that tools make: SealedSecret, kustomize generator',
      code: pod('envFrom:\n  - secretRef: {name: sealed}\n  - configMapRef: {name: generated}'),
      files: {
        ...DEFINED,
        'sealed.yaml': 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata: {name: sealed}\nspec: {encryptedData: {a: AgB}}\n',
        'kustomization.yaml': 'resources: [manifest.yaml]\nconfigMapGenerator:\n  - name: generated\n    literals: [A=1]\n',
      },
    },
    {
      name: 'a Secret written without data is filled in later: its keys are not checked',
      code: secretEnv('{name: token, key: anything}'),
      files: { ...DEFINED, 'token.yaml': 'apiVersion: v1\nkind: Secret\nmetadata: {name: token}\ntype: Opaque\n' },
    },
    { name: 'the default ServiceAccount always exists', code: pod('', 'serviceAccountName: default'), files: DEFINED },
    {
      name: 'volumes, projected sources and the ServiceAccount defined',
      code: pod(
        '',
        'serviceAccountName: web\nvolumes:\n  - name: a\n    secret: {secretName: db}\n  - name: b\n    configMap: {name: settings}\n  - name: c\n    persistentVolumeClaim: {claimName: data}\n  - name: d\n    projected:\n      sources:\n        - configMap: {name: settings}\n        - secret: {name: db}',
      ),
      files: DEFINED,
    },
    {
      name: "a StatefulSet's claim templates stand for the claims of its volumes",
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  selector: {matchLabels: {app: db}}\n  serviceName: db\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: db:1.0}]\n      volumes:\n        - name: data\n          persistentVolumeClaim: {claimName: data}\n  volumeClaimTemplates:\n    - metadata: {name: data}\n      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n',
      files: { 'pvc.yaml': PVC.replace('name: data', 'name: other') },
    },
    { name: 'an Ingress backend by port number', code: ingress('{name: web, port: {number: 80}}'), files: DEFINED },
    { name: 'an Ingress backend by port name', code: ingress('{name: web, port: {name: http}}'), files: DEFINED },
    {
      name: 'cert-manager makes the TLS Secret of an annotated Ingress',
      code: `${ingress('{name: web, port: {number: 80}}', '  annotations:\n    cert-manager.io/cluster-issuer: letsencrypt\n')}  tls:\n    - hosts: [example.com]\n      secretName: web-tls\n`,
      files: DEFINED,
    },
    { name: 'an HPA whose target is defined', code: hpa('Deployment', 'web'), files: DEFINED },
    {
      name: 'the same namespace',
      code: secretEnv('{name: db, key: user}').replace('  name: web\n', '  name: web\n  namespace: shop\n'),
      files: { 'secrets.yaml': SECRETS.replace('{name: db}', '{name: db, namespace: shop}') },
    },
  ],
  invalid: [
    {
      name: 'a Secret no manifest defines',
      code: secretEnv('{name: database, key: password}'),
      files: DEFINED,
      errors: [
        { messageId: 'missing', line: 12, column: 34, endColumn: 42, data: { kind: 'Secret', name: 'database', where: 'container "web" env DB_PASSWORD' } },
      ],
    },
    {
      name: 'a key the Secret does not have',
      code: secretEnv('{name: db, key: pasword}'),
      files: DEFINED,
      errors: [{ messageId: 'missingKey', line: 12, column: 43, data: { key: 'pasword', keys: 'password, user' } }],
    },
    {
      name: 'a Secret of another namespace',
      code: secretEnv('{name: db, key: password}').replace('  name: web\n', '  name: web\n  namespace: shop\n'),
      files: { 'secrets.yaml': SECRETS.replace('{name: db}', '{name: db, namespace: staging}') },
      errors: [{ messageId: 'missing', line: 13, column: 34 }],
    },
    {
      name: 'envFrom, volumes, projected sources, claims and the ServiceAccount',
      code: pod(
        'envFrom:\n  - configMapRef: {name: setings}',
        'serviceAccountName: api\nvolumes:\n  - name: a\n    secret: {secretName: certs}\n  - name: b\n    projected:\n      sources:\n        - configMap: {name: extra}\n  - name: c\n    persistentVolumeClaim: {claimName: cache}',
      ),
      files: DEFINED,
      errors: [
        { messageId: 'missing', line: 10, column: 32, data: { kind: 'ConfigMap', where: 'container "web" envFrom' } },
        { messageId: 'missing', line: 11, column: 23, data: { kind: 'ServiceAccount', name: 'api' } },
        { messageId: 'missing', line: 14, column: 28, data: { kind: 'Secret', where: 'volume "a"' } },
        { messageId: 'missing', line: 18, column: 31, data: { kind: 'ConfigMap', where: 'volume "b"' } },
        { messageId: 'missing', line: 20, column: 42, data: { kind: 'PersistentVolumeClaim', name: 'cache' } },
      ],
    },
    {
      name: 'an Ingress backend Service no manifest defines',
      code: ingress('{name: api, port: {number: 80}}'),
      files: DEFINED,
      errors: [{ messageId: 'missingTarget', line: 13, column: 31, data: { kind: 'Service', name: 'api', where: 'the backend of example.com/' } }],
    },
    {
      name: 'an Ingress backend port the Service does not have',
      code: ingress('{name: web, port: {number: 8080}}'),
      files: DEFINED,
      errors: [{ messageId: 'missingPort', line: 13, column: 51, data: { port: '8080', ports: 'it has http' } }],
    },
    {
      name: 'an Ingress TLS Secret no manifest defines',
      code: `${ingress('{name: web, port: {number: 80}}')}  tls:\n    - hosts: [example.com]\n      secretName: web-tls\n`,
      files: DEFINED,
      errors: [{ messageId: 'missingTls', line: 16, column: 19, data: { name: 'web-tls' } }],
    },
    {
      name: 'a networking.k8s.io/v1beta1 Ingress (serviceName, servicePort)',
      code: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  backend:\n    serviceName: web\n    servicePort: https\n',
      files: DEFINED,
      errors: [{ messageId: 'missingPort', line: 7, column: 18, data: { port: 'https' } }],
    },
    {
      name: 'an HPA whose target no manifest defines',
      code: hpa('Deployment', 'api'),
      files: DEFINED,
      errors: [{ messageId: 'missingTarget', line: 5, column: 65, data: { kind: 'Deployment', name: 'api' } }],
    },
  ],
});
