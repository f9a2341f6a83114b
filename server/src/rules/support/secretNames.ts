/**
 * Whether a variable name looks like it holds a secret. Shared by every rule about secrets in plain text:
 * `dockerfile/secret-in-arg-or-env` (ARG/ENV), `compose/plaintext-secret` (`environment:`) and
 * `k8s/plaintext-secret-env` (container `env`), so the three agree on what a secret name is.
 *
 * The rule is the union of the two tools users migrate from, minus their known false positives:
 * - BuildKit (SecretsUsedInArgOrEnv): one of the words apikey, auth, credential(s), key, password, pword,
 *   passwd, secret, token, as the whole name or a `_`-delimited word. We also split camelCase and `-`/`.`.
 * - hadolint (DL3064): well-known names, or a name containing api_key, client_key, password, secret or token.
 *   Its `username` and bare `private` are left out: `ARG USERNAME=app` (creating a user) and names such as
 *   `PRIVATE_REGISTRY` are common and not secret; a private *key* (`SSH_PRIVATE_KEY`) is still caught.
 * - Never secret: names with the words public, file or version (BuildKit's exceptions: `*_FILE` holds a path to
 *   the secret, not the secret), names with `tokenizer` (`TOKENIZERS_PARALLELISM`), and names that by
 *   convention hold a path or a public value (`GOOGLE_APPLICATION_CREDENTIALS`, the `GPG_KEY`, `*_GPG_KEYS` and
 *   `*_PGP_KEY_IDS` fingerprints of the official images).
 * - Never secret either: names whose last word describes a setting of the credential rather than the credential
 *   (`POSTGRES_HOST_AUTH_METHOD`, `GF_AUTH_ANONYMOUS_ORG_ROLE`, `SSL_KEY_PATH`, `TOKEN_URL`, `PASSWORD_MIN_LENGTH`),
 *   unless the name is a well-known secret (`SLACK_WEBHOOK_URL`).
 */
export function looksSecret(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0 || words.some((word) => ALLOWED_WORDS.has(word))) return false;
  const upper = name.toUpperCase();
  if (NOT_SECRET_NAMES.has(upper) || PUBLIC_KEY_IDS.test(upper)) return false;
  if (WELL_KNOWN_SECRET_NAMES.has(upper)) return true;
  if (words.length > 1 && DESCRIBING_WORDS.has(words.at(-1) ?? '')) return false;
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  const lower = name.toLowerCase();
  if (/tokeniz/.test(lower)) return false;
  return SECRET_FRAGMENTS.some((fragment) => lower.includes(fragment));
}

/** `AWS_SECRET_ACCESS_KEY` → aws, secret, access, key; `dbPassword` → db, password. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[_\-.]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

const SECRET_WORDS = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token', 'passphrase', 'pass']);

/** hadolint matches these anywhere in the name (`DBPASSWORD`, `MYSECRET`), not only as words. */
const SECRET_FRAGMENTS = ['api_key', 'apikey', 'client_key', 'password', 'passwd', 'secret', 'token', 'private_key', 'privatekey'];

const ALLOWED_WORDS = new Set(['public', 'file', 'version']);

/** Last words that make a name a setting about a secret: how it is used, where it is, how long it lives. */
const DESCRIBING_WORDS = new Set([
  'role',
  'method',
  'type',
  'mode',
  'enabled',
  'disabled',
  'url',
  'uri',
  'endpoint',
  'host',
  'port',
  'provider',
  'header',
  'scheme',
  'realm',
  'domain',
  'timeout',
  'ttl',
  'expiry',
  'expiration',
  'length',
  'path',
  'dir',
  'name',
  'user',
  'username',
]);

const NOT_SECRET_NAMES = new Set(['GOOGLE_APPLICATION_CREDENTIALS']);

/** Fingerprints and ids of the public keys that releases are verified with: `GPG_KEYS`, `OPENSSL_PGP_KEY_IDS`. */
const PUBLIC_KEY_IDS = /(^|_)(GPG_KEYS?|(GPG|PGP)_KEY_IDS?)$/;

/** Names of well-known services whose value is a credential, including those no word above catches. */
const WELL_KNOWN_SECRET_NAMES = new Set([
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AZURE_CLIENT_SECRET',
  'AZURE_STORAGE_KEY',
  'AZURE_STORAGE_CONNECTION_STRING',
  'GOOGLE_API_KEY',
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITLAB_TOKEN',
  'CI_JOB_TOKEN',
  'BITBUCKET_APP_PASSWORD',
  'NPM_TOKEN',
  'NODE_AUTH_TOKEN',
  'YARN_NPM_AUTH_TOKEN',
  'PYPI_TOKEN',
  'TWINE_PASSWORD',
  'NUGET_API_KEY',
  'DOCKER_PASSWORD',
  'DOCKERHUB_TOKEN',
  'POSTGRES_PASSWORD',
  'PGPASSWORD',
  'MYSQL_ROOT_PASSWORD',
  'MYSQL_PASSWORD',
  'MYSQL_PWD',
  'MARIADB_ROOT_PASSWORD',
  'MONGO_INITDB_ROOT_PASSWORD',
  'REDIS_PASSWORD',
  'RABBITMQ_DEFAULT_PASS',
  'RABBITMQ_ERLANG_COOKIE',
  'ELASTIC_PASSWORD',
  'MINIO_ROOT_PASSWORD',
  'MINIO_SECRET_KEY',
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'HF_TOKEN',
  'HUGGING_FACE_HUB_TOKEN',
  'STRIPE_SECRET_KEY',
  'SENDGRID_API_KEY',
  'TWILIO_AUTH_TOKEN',
  'SLACK_TOKEN',
  'SLACK_WEBHOOK_URL',
  'DISCORD_WEBHOOK_URL',
  'SENTRY_DSN',
  'DD_API_KEY',
  'NEW_RELIC_LICENSE_KEY',
  'VAULT_TOKEN',
  'CONSUL_HTTP_TOKEN',
  'JWT_SECRET',
  'SECRET_KEY_BASE',
  'RAILS_MASTER_KEY',
  'DJANGO_SECRET_KEY',
  'SSH_PRIVATE_KEY',
  'GPG_PASSPHRASE',
  'SONAR_TOKEN',
  'CODECOV_TOKEN',
  'SNYK_TOKEN',
  'CLOUDFLARE_API_TOKEN',
  'DIGITALOCEAN_ACCESS_TOKEN',
  'HEROKU_API_KEY',
]);
