import type { DockerfileModel, DockerfileStage } from '../parsing/dockerfile';

/** The stage a line belongs to: the last one whose FROM starts on or before it; none above the first FROM. */
export function stageAt(model: DockerfileModel, line: number): DockerfileStage | undefined {
  let found: DockerfileStage | undefined;
  for (const stage of model.stages) if (stage.from.getRange().start.line <= line) found = stage;
  return found;
}

/** The stages a line may refer to (`COPY --from`, `FROM <stage>`): those before its own stage. */
export function stagesBefore(model: DockerfileModel, line: number): DockerfileStage[] {
  return model.stages.slice(0, stageAt(model, line)?.index ?? 0);
}
