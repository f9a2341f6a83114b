import { defineDockerfileRule } from '../../engine/ruleTypes';
import type { RunCommand, RunInstruction } from '../../parsing/dockerfileRun';
import { runsOfStage } from '../support/dockerfile';
import { NPM_SYNTAX, parseCall, type OptionSyntax } from '../support/packageManagers';

/** `build`, `build:prod`, `build-docs`: the package.json scripts that build. */
const BUILD_SCRIPT = /^build([:-].*)?$/;
const SCRIPT_RUNNER_SYNTAX: Readonly<Record<string, OptionSyntax>> = {
  npm: NPM_SYNTAX,
  yarn: { long: ['--cwd'] },
  pnpm: { long: ['--filter', '--dir'], short: 'C' },
  bun: { long: ['--cwd'] },
};
const MAVEN_BUILD_PHASES = ['package', 'verify', 'install', 'deploy'];
const GRADLE_BUILD_TASKS = ['build', 'assemble'];

export const rule = defineDockerfileRule({
  id: 'dockerfile/build-step-in-final-stage',
  meta: {
    severity: 'warning',
    description: 'A multi-stage Dockerfile runs its build (`npm run build`, `go build`, `mvn package`, …) in the final stage.',
    aliases: [],
    messages: {
      buildStep:
        '`{{command}}` builds in the final stage, so the toolchain, sources and intermediate files end up in the runtime image; build in an earlier stage and COPY --from it only the output.',
    },
    explanation: {
      why: 'Building in the final stage ships the compiler, the sources and the intermediate files in the runtime image; building in an earlier stage and copying only the output keeps them out.',
      standard: 'Container standard "minimal images"; Docker docs, "Multi-stage builds".',
      bad: 'FROM golang:1.25 AS deps\nRUN go mod download\nFROM deps\nRUN go build -o /bin/app .',
      good: 'FROM golang:1.25 AS build\nRUN go build -o /bin/app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /bin/app /bin/app',
    },
  },
  check({ file, report }) {
    const model = file.dockerfile;
    const final = model.finalStage;
    // A single-stage file has nowhere else to build; that is a design choice, not a slip.
    if (!final || model.stages.length < 2) return;
    // ONBUILD triggers build in some later image, which is what ONBUILD base images are for.
    for (const run of runsOfStage(file, final).filter((candidate) => !candidate.onbuild)) {
      for (const command of run.commands) {
        const label = buildCommand(run, command);
        if (label) report({ messageId: 'buildStep', data: { command: label }, range: command.range });
      }
    }
  },
});

/** How the build command reads (`npm run build`, `./gradlew build`), or undefined for anything else. */
function buildCommand(run: RunInstruction, command: RunCommand): string | undefined {
  const program = command.program;
  if (program === undefined) return undefined;
  const runner = SCRIPT_RUNNER_SYNTAX[program];
  if (runner) {
    const [first, second] = parseCall(run, command, 0, runner).operands.map((word) => word.value);
    const viaRun = first === 'run' || first === 'run-script';
    // npm only runs scripts through `run`; yarn, pnpm and bun also take the script name directly.
    const script = viaRun ? second : program === 'npm' ? undefined : first;
    return script !== undefined && BUILD_SCRIPT.test(script) ? `${program} ${viaRun ? `${first} ` : ''}${script}` : undefined;
  }
  const operands = parseCall(run, command, 0, {}).operands.map((word) => word.value);
  switch (program) {
    case 'go':
      return operands[0] === 'build' ? 'go build' : undefined;
    case 'cargo':
      // `cargo +nightly build`: the toolchain comes first.
      return operands.find((operand) => !operand?.startsWith('+')) === 'build' ? 'cargo build' : undefined;
    case 'dotnet':
      return operands[0] === 'publish' || operands[0] === 'build' ? `dotnet ${operands[0]}` : undefined;
    case 'mvn':
    case 'mvnw': {
      const phase = operands.find((operand) => operand !== undefined && MAVEN_BUILD_PHASES.includes(operand));
      return phase ? `${program} ${phase}` : undefined;
    }
    case 'gradle':
    case 'gradlew': {
      const task = operands.find((operand) => operand !== undefined && GRADLE_BUILD_TASKS.includes(operand.slice(operand.lastIndexOf(':') + 1)));
      return task ? `${program} ${task}` : undefined;
    }
    default:
      return undefined;
  }
}
