import type { Argument, Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileStage } from './dockerfile';
import { hasVariable } from './imageReference';

/** What a stage records for the containers run from it, USER and EXPOSE, as the Dockerfile writes them. */

/** The USER a container runs as. */
export interface DockerfileUser {
  instruction: Instruction;
  /** The arguments as written: `app`, `1000:1000`, `${UID}`. */
  value: string;
  /** Whether the user (before any `:group`) is a numeric UID, which a runtime can check without the image's /etc/passwd (Kubernetes runAsNonRoot). */
  numeric: boolean;
  /** The range of the arguments. */
  range: Range;
}

/**
 * The USER in force at the end of a stage, inherited through `FROM <stage>`; undefined when the Dockerfile sets
 * none (the base image's own USER is not known here).
 */
export function userOf(stage: DockerfileStage): DockerfileUser | undefined {
  for (let current: DockerfileStage | undefined = stage; current; current = current.baseStage) {
    const instruction = current.instructions.filter((candidate) => candidate.getKeyword() === 'USER').at(-1);
    const value = instruction?.getArgumentsContent()?.trim();
    if (instruction && value) {
      return { instruction, value, numeric: /^\d+(:|$)/.test(value), range: instruction.getArgumentsRange() ?? instruction.getRange() };
    }
  }
  return undefined;
}

/** One port of an EXPOSE argument, `[ip:][hostPort:]containerPort[-lastPort][/protocol]`. */
export interface ExposedPort {
  argument: Argument;
  /** As written: `8080`, `53/udp`, `${PORT}`. */
  written: string;
  /** The container port, the first of a range (`8000-8010`); undefined when written with a variable or not a port number. */
  port?: number;
  /** The last port of a range, the port itself otherwise. */
  lastPort?: number;
  /** Lower-cased, `tcp` when none is written. */
  protocol: string;
  /** `127.0.0.1:8080:` of `127.0.0.1:8080:80/tcp`: a mapping, which EXPOSE ignores. */
  mapping?: { text: string; range: Range };
  /** The protocol as written, with its range. */
  writtenProtocol?: { text: string; range: Range };
}

/** The ports a stage exposes, inherited ones (`FROM <stage>`) first; the base image's own are not known here. */
export function exposedPortsOf(stage: DockerfileStage): ExposedPort[] {
  const chain: DockerfileStage[] = [];
  for (let current: DockerfileStage | undefined = stage; current; current = current.baseStage) chain.unshift(current);
  return chain.flatMap((current) => current.instructions.filter((instruction) => instruction.getKeyword() === 'EXPOSE').flatMap(portsOf));
}

/** The ports of an EXPOSE instruction, each split with the ranges of its parts. */
export function portsOf(expose: Instruction): ExposedPort[] {
  return expose.getArguments().map((argument) => {
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
    const ports = hasVariable(written) ? null : /^(\d+)(?:-(\d+))?$/.exec(portPart.slice(lastColon + 1));
    const protocol = slash < 0 ? undefined : written.slice(slash + 1);
    return {
      argument,
      written,
      port: ports ? Number(ports[1]) : undefined,
      lastPort: ports ? Number(ports[2] ?? ports[1]) : undefined,
      protocol: protocol?.toLowerCase() ?? 'tcp',
      mapping: lastColon < 0 ? undefined : { text: portPart.slice(0, lastColon + 1), range: at(0, lastColon + 1) },
      writtenProtocol: protocol === undefined ? undefined : { text: protocol, range: at(slash + 1, written.length) },
    };
  });
}
