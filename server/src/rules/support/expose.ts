import type { Argument } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileFile } from '../../parsing/containerFile';
import { hasVariable } from '../../parsing/imageReference';

/** One port of an EXPOSE, `[ip:][hostPort:]containerPort[/protocol]`, split with the ranges of its parts. */
export interface ExposedPort {
  argument: Argument;
  written: string;
  /** `127.0.0.1:8080:` of `127.0.0.1:8080:80/tcp`: what EXPOSE should not have. */
  mapping?: { text: string; range: Range };
  protocol?: { text: string; range: Range };
}

/** The ports of every EXPOSE (as written; those with variables are left out, the builder expands them). */
export function exposedPorts(file: DockerfileFile): ExposedPort[] {
  return file.dockerfile.ast
    .getInstructions()
    .filter((instruction) => instruction.getKeyword() === 'EXPOSE')
    .flatMap((instruction) => instruction.getArguments())
    .filter((argument) => !hasVariable(argument.getValue()))
    .map((argument) => {
      const written = argument.getValue();
      const start = argument.getRange().start;
      // Arguments never span lines, so parts are offsets on the argument's line.
      const at = (from: number, to: number): Range => ({
        start: { line: start.line, character: start.character + from },
        end: { line: start.line, character: start.character + to },
      });
      const slash = written.indexOf('/');
      const portPart = slash < 0 ? written : written.slice(0, slash);
      const lastColon = portPart.lastIndexOf(':');
      return {
        argument,
        written,
        mapping: lastColon < 0 ? undefined : { text: portPart.slice(0, lastColon + 1), range: at(0, lastColon + 1) },
        protocol: slash < 0 ? undefined : { text: written.slice(slash + 1), range: at(slash + 1, written.length) },
      };
    });
}
