import { test } from 'node:test';
import assert from 'node:assert/strict';
import { looksSecret } from '../../../server/src/rules/support/secretNames';

test('secret-looking names: BuildKit words, hadolint fragments, well-known names', () => {
  for (const name of [
    'API_KEY',
    'apikey',
    'DATABASE_PASSWORD',
    'GITHUB_TOKEN',
    'secret_MESSAGE',
    'AUTH',
    'db-passwd',
    'clientSecret',
    'MY_CLIENT_KEY',
    'AWS_SECRET_ACCESS_KEY',
    'MYSQL_PWD',
    'DB_PASS',
    'GPG_PASSPHRASE',
    'XTOKENX',
    'SLACK_WEBHOOK_URL',
    'AUTH_PASSWORD',
  ]) {
    assert.equal(looksSecret(name), true, name);
  }
});

test('names that only look secret: paths, public values, users, tokenizers', () => {
  for (const name of [
    'PASSWORD_FILE',
    'PUBLIC_KEY',
    'SECRET_VERSION',
    'USERNAME',
    'PRIVATE_REGISTRY',
    'TOKENIZERS_PARALLELISM',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'GPG_KEY',
    'WORDPRESS_CLI_GPG_KEYS',
    'AUTHOR',
    'KEYBOARD',
    'POSTGRES_HOST_AUTH_METHOD',
    'GF_AUTH_ANONYMOUS_ORG_ROLE',
    'SSL_KEY_PATH',
    'OAUTH_TOKEN_URL',
    'PASSWORD_MIN_LENGTH',
    'JWT_SECRET_TTL',
    'NODE_ENV',
    'PATH',
    '',
  ]) {
    assert.equal(looksSecret(name), false, name);
  }
});
