import type { ScaffoldOptions, StackFacts } from '../../types';
import { BACKING_SERVICE_SPECS } from '../services';

const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;

/**
 * render.yaml, a Blueprint (https://render.com/docs/blueprint-spec): the Dockerfile as a web service; postgres as a
 * Render Postgres database and redis as a Render Key Value, wired by reference; MySQL and MongoDB, which Render does
 * not host, as URLs entered in the Dashboard.
 */
export function renderRenderBlueprint(facts: StackFacts, options: ScaffoldOptions): string {
  const name = facts.name;
  const database = `${name}-db`;
  const cache = `${name}-cache`;
  const env = options.services.flatMap((service) => {
    const variable = BACKING_SERVICE_SPECS[service].urlVariable;
    if (service === 'postgres')
      return [`      - key: ${variable}`, '        fromDatabase:', `          name: ${database}`, '          property: connectionString'];
    if (service === 'redis')
      return [
        `      - key: ${variable}`,
        '        fromService:',
        '          type: keyvalue',
        `          name: ${cache}`,
        '          property: connectionString',
      ];
    return [`      - key: ${variable}`, '        # A secret: entered in the Render Dashboard, never committed.', '        sync: false'];
  });
  const out = [
    '# Render Blueprint: in the Render Dashboard, New > Blueprint, and pick this repository.',
    'services:',
    '  - type: web',
    `    name: ${name}`,
    '    # Built from the Dockerfile; its last stage is what runs.',
    '    runtime: docker',
    '    dockerfilePath: ./Dockerfile',
    '    dockerContext: .',
    '    plan: starter',
    '    region: oregon',
    '    # Render holds back a deploy until this path answers with a 2xx or 3xx.',
    '    healthCheckPath: /',
    '    envVars:',
    '      # Render sends traffic to PORT: the app must listen on 0.0.0.0 at that port.',
    '      - key: PORT',
    `        value: '${options.port}'`,
    ...env,
  ];
  if (options.services.includes('redis')) {
    out.push(
      '  - type: keyvalue',
      `    name: ${cache}`,
      '    plan: starter',
      '    region: oregon',
      '    # Reachable from services of this account only.',
      '    ipAllowList: []',
      '    # A cache: the least recently used keys go when it is full.',
      '    maxmemoryPolicy: allkeys-lru',
    );
  }
  if (options.services.includes('postgres')) {
    out.push(
      '',
      'databases:',
      `  - name: ${database}`,
      '    plan: basic-256mb',
      '    region: oregon',
      '    # No access from outside Render.',
      '    ipAllowList: []',
    );
  }
  return yaml(...out);
}
