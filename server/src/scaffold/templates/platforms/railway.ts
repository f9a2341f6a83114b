/**
 * railway.json, Railway's config as code (https://docs.railway.com/config-as-code/reference): the Dockerfile build,
 * an HTTP health check that gates each deploy, and restarts on failure. Databases are services of the Railway project,
 * not of this file; JSON has no comments, so the README says how the app listens (on PORT, which Railway sets).
 */
export function renderRailway(): string {
  const config = {
    $schema: 'https://railway.com/railway.schema.json',
    build: { builder: 'DOCKERFILE', dockerfilePath: 'Dockerfile' },
    deploy: { healthcheckPath: '/', healthcheckTimeout: 120, restartPolicyType: 'ON_FAILURE', restartPolicyMaxRetries: 5 },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
