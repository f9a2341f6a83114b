/** Workspaces for the cross-kind rules: a manifest under k8s/, the Dockerfile that builds its image, and the build config. */

export const API_IMAGE = 'registry.example.com/shop/api';

/** skaffold.yaml at the root building the api image from api/ (its Dockerfile, or the target given). */
export function skaffold(options: { target?: string; dockerfile?: string } = {}): string {
  const docker =
    options.target || options.dockerfile
      ? `\n      docker:${options.dockerfile ? `\n        dockerfile: ${options.dockerfile}` : ''}${options.target ? `\n        target: ${options.target}` : ''}`
      : '';
  return `apiVersion: skaffold/v4beta11\nkind: Config\nbuild:\n  artifacts:\n    - image: ${API_IMAGE}\n      context: api${docker}\nmanifests:\n  rawYaml: [k8s/*.yaml]\n`;
}

/** compose.yaml at the root building the api image from api/. */
export const COMPOSE = `services:\n  api:\n    build: ./api\n    image: ${API_IMAGE}:dev\n`;

/**
 * A Pod running the image in a container named `container` (api by default: cases differ by it when only their
 * workspace does); `podSecurity` and `containerSecurity` are securityContext lines, written at their level.
 */
export function pod(image: string, options: { container?: string; podSecurity?: string; containerSecurity?: string; ports?: string } = {}): string {
  const podSecurity = options.podSecurity ? `  securityContext:\n    ${options.podSecurity}\n` : '';
  const containerSecurity = options.containerSecurity ? `      securityContext:\n        ${options.containerSecurity}\n` : '';
  const ports = options.ports ? `      ports:\n${options.ports}` : '';
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: api\nspec:\n${podSecurity}  containers:\n    - name: ${options.container ?? 'api'}\n      image: ${image}\n${containerSecurity}${ports}`;
}
