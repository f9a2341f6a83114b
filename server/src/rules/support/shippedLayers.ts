import type { DockerfileFile } from '../../parsing/containerFile';
import type { DockerfileStage } from '../../parsing/dockerfile';

/**
 * Size and cache-hygiene advice (a package cache left in a layer, two RUNs that could be one) concerns the layers that
 * ship: the final stage and the stages it builds on (DockerfileModel.shippedStages). A builder stage that other
 * stages only `COPY --from` leaves no layer in the image, so such advice there is noise. An ONBUILD trigger runs in
 * some later image, which ships.
 */
export function layersShip(file: DockerfileFile, where: { stage: DockerfileStage; onbuild?: boolean }): boolean {
  return where.onbuild === true || file.dockerfile.shippedStages.has(where.stage);
}

/**
 * For advice that still holds in a stage that does not ship, though less: info instead of the rule's severity, and a
 * note for the message's `{{stageNote}}` saying why (empty where the layers ship).
 */
export function stageWeight(file: DockerfileFile, where: { stage: DockerfileStage; onbuild?: boolean }): { severity?: 'info'; stageNote: string } {
  if (layersShip(file, where)) return { stageNote: '' };
  const name = where.stage.name ? `"${where.stage.name}"` : `${where.stage.index + 1}`;
  return { severity: 'info', stageNote: ` (stage ${name} does not ship: only later stages' COPY --from reads it)` };
}
