import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allServiceImages, serviceImage, type ServiceSettings } from '../../server/src/knowledge/serviceImages';
import { parseImageReference } from '../../server/src/parsing/imageReference';

const settings = (environment: Record<string, string> = {}, tag?: string): ServiceSettings => ({ environment: (name) => environment[name], tag });
const probeOf = (image: string, environment?: Record<string, string>) => {
  const reference = parseImageReference(image);
  return serviceImage(reference)?.probe?.(settings(environment, reference.tag));
};

test('every entry is well-formed and each repository is listed once', () => {
  const repositories = allServiceImages().flatMap((entry) => entry.repositories);
  assert.deepEqual(
    repositories.filter((repository, index) => repositories.indexOf(repository) !== index),
    [],
  );
  for (const entry of allServiceImages()) {
    assert.ok(entry.ports.length > 0 && entry.ports.every((port) => Number.isInteger(port) && port > 0 && port < 65536), `${entry.repositories[0]}: ports`);
    assert.ok(!(entry.shipsHealthcheck && entry.probe), `${entry.repositories[0]}: an image with its own HEALTHCHECK needs no probe`);
    const probe = entry.probe?.(settings());
    if (probe) assert.ok(probe[0] === 'CMD' || probe[0] === 'CMD-SHELL', `${entry.repositories[0]}: exec-form test`);
  }
});

test('known facts: registry prefixes, probes from the environment and the tag', () => {
  assert.deepEqual(probeOf('docker.io/library/postgres:16-alpine'), ['CMD-SHELL', 'pg_isready -U postgres']);
  assert.deepEqual(probeOf('postgres:16', { POSTGRES_USER: 'dev', POSTGRES_DB: 'app_dev' }), ['CMD-SHELL', 'pg_isready -U dev -d app_dev']);
  assert.deepEqual(probeOf('mongo:4.4'), ['CMD', 'mongo', '--quiet', '--eval', "db.adminCommand('ping')"]);
  assert.deepEqual(probeOf('mongo:8.0'), ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"]);
  assert.deepEqual(probeOf('mongo'), ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"]);
  assert.deepEqual(probeOf('mariadb:11.4'), ['CMD', 'healthcheck.sh', '--connect', '--innodb_initialized']);
  assert.deepEqual(probeOf('redis:7-alpine'), ['CMD', 'redis-cli', 'ping']);
  assert.equal(serviceImage(parseImageReference('pihole/pihole:2024.07.0'))?.shipsHealthcheck, true);
  assert.deepEqual(serviceImage(parseImageReference('rabbitmq:4.1-management'))?.ports, [5672, 15672]);
  assert.equal(serviceImage(parseImageReference('registry.example.com/postgres:16')), undefined, 'another registry is another image');
  assert.equal(serviceImage(parseImageReference('myorg/app:1.0')), undefined);
});
