import { defineKubernetesRule } from '../../engine/ruleTypes';
import type { YamlView } from '../../parsing/yamlView';
import { oncePerRange } from '../support/composeMerged';
import { containersHere } from '../support/kubernetes';
import { secretFixes, secretTargetOf } from '../support/kubernetesSecrets';
import { looksSecret } from '../support/secretNames';

/** Flags such as `REDIS_PASSWORD_REQUIRED: "true"` have a secret-looking name but hold no secret. */
const FLAG_VALUE = /^(?:true|false|yes|no|on|off|[01])$/i;

/** `$(DB_PASSWORD)` is Kubernetes' reference to another variable, `${DB_PASSWORD}` or `$TOKEN` a template's: the secret is elsewhere. */
const REFERENCE = /\$\([A-Za-z_][A-Za-z0-9_]*\)|\$\{[^}]+\}|^\$[A-Za-z_][A-Za-z0-9_]*$/;

/** `TLS_KEY: /etc/tls/tls.key` names where the secret is mounted. */
const PATH = /^(?:\/|~\/|\.\.?\/)\S*$/;

export const rule = defineKubernetesRule({
  id: 'k8s/plaintext-secret-env',
  meta: {
    severity: 'warning',
    description: 'A secret-looking environment variable of a container holds a literal value, so the secret is in the manifest and in version control.',
    fix: { applied: 'editor-only' },
    aliases: ['kube-linter:env-var-secret', 'polaris:sensitiveContainerEnvVar'],
    messages: {
      literal:
        'Container "{{container}}" sets {{name}} to a literal value, so the secret sits in the manifest, its Git history and the output of every `kubectl get -o yaml`; take it from a Secret with valueFrom.secretKeyRef (Secret "{{secret}}", key {{key}}).',
    },
    explanation: {
      why: 'A manifest is committed, reviewed and readable by anyone who may read the workload; a literal password or token in `env` is exposed to all of them and stays in the history. A Secret is access-controlled separately, can be encrypted at rest and filled by an external manager (External Secrets, Sealed Secrets, SOPS). The name rule is the one of `dockerfile/secret-in-arg-or-env` and `compose/plaintext-secret`; `*_FILE` variables (a path to the secret), `valueFrom`, empty values, flags (`true`, `0`), numbers and values that refer to another variable (`$(DB_PASSWORD)`, `${TOKEN}`) and absolute or relative paths (`/etc/tls/tls.key`) are not reported; placeholders (`changeme`) are, since they are where the real value gets pasted. The quick fixes rewrite the variable to `valueFrom.secretKeyRef` of a Secret named after the workload (`<name>-secrets`, key = the variable name) and can also write that Secret with the current value, into `secret.yaml` beside the manifest (created, or completed when it exists; a file to keep out of Git or encrypt) or into this file; existing files are never overwritten. None is applied by fix-all or `lint --fix`: where a secret lives is your decision.',
      standard: 'Container standard "Secret Management: use external secret management systems"; kube-linter env-var-secret; Polaris sensitiveContainerEnvVar.',
      bad: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      env:\n        - name: DB_PASSWORD\n          value: s3cr3t',
      good: 'apiVersion: v1\nkind: Pod\nmetadata: { name: api }\nspec:\n  containers:\n    - name: api\n      image: example/api:2.3\n      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: api-secrets\n              key: DB_PASSWORD',
    },
  },
  check(context) {
    // An env list shared through an anchor is one text: reported (and fixed) once, where it is written.
    const firstTime = oncePerRange();
    for (const container of containersHere(context)) {
      for (const env of container.env) {
        const value = env.value;
        if (!value || env.valueFrom || !looksSecret(env.name) || !isLiteralSecret(value)) continue;
        const written = value.atDefinition;
        if (!firstTime(written.range)) continue;
        const target = secretTargetOf(container, env.name);
        context.report({
          messageId: 'literal',
          data: { container: container.name || '?', name: env.name, secret: target.name, key: target.key },
          range: value.isWrittenHere ? value.pairRange : written.range,
          fixes: () => secretFixes(context, { ...env, value }, target),
        });
      }
    }
  },
});

/** A string that could be a secret: not empty, not a flag or number, not a reference to a value kept elsewhere, not a path. */
function isLiteralSecret(value: YamlView): boolean {
  const text = value.string?.trim();
  return text !== undefined && text !== '' && !FLAG_VALUE.test(text) && !/^\d+$/.test(text) && !REFERENCE.test(text) && !PATH.test(text);
}
