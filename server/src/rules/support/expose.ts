import type { DockerfileFile } from '../../parsing/containerFile';
import { portsOf, type ExposedPort } from '../../parsing/dockerfileImageConfig';
import { hasVariable } from '../../parsing/imageReference';

/** The ports of every EXPOSE of the file, as written; those with variables are left out, the builder expands them. */
export function allExposedPorts(file: DockerfileFile): ExposedPort[] {
  return file.dockerfile.ast
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === 'EXPOSE')
    .flatMap(portsOf)
    .filter((port) => !hasVariable(port.written));
}
