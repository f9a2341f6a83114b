import type { YamlDocument } from './yaml';
import { YamlView } from './yamlView';

/**
 * An ECS task definition as `aws ecs register-task-definition --cli-input-json` reads it, or wrapped in
 * `taskDefinition` as `aws ecs describe-task-definition` prints it. Every field is a view, so rules report where
 * the user wrote it.
 */
export interface TaskDefinition {
  /** The mapping that holds `containerDefinitions`. */
  view: YamlView;
  cpu?: YamlView;
  memory?: YamlView;
  /** `requiresCompatibilities` lists FARGATE: task-level cpu and memory are then required. */
  fargate: boolean;
  /** `runtimePlatform.operatingSystemFamily` is a Windows one: `user` and `readonlyRootFilesystem` do not apply. */
  windows: boolean;
  /** The `containerDefinitions` list itself; undefined when missing. */
  containerDefinitions?: YamlView;
  containers: EcsContainer[];
}

export interface EcsContainer {
  view: YamlView;
  /** The container's `name`, or '' when it has none. */
  name: string;
  image?: YamlView;
  user?: YamlView;
  cpu?: YamlView;
  memory?: YamlView;
  memoryReservation?: YamlView;
  healthCheck?: YamlView;
  /** `environment` entries, each `{ name, value }`. */
  environment: EcsEnvironmentVariable[];
  secrets?: YamlView;
  readonlyRootFilesystem?: YamlView;
  privileged?: YamlView;
  /** ECS treats a container without `essential` as essential. */
  essential: boolean;
}

export interface EcsEnvironmentVariable {
  view: YamlView;
  name?: YamlView;
  value?: YamlView;
}

/** The task definition of a parsed JSON document, or undefined when it holds none (not a mapping, no containerDefinitions). */
export function taskDefinitionOf(document: YamlDocument): TaskDefinition | undefined {
  const root = YamlView.root(document);
  if (!root?.isMap) return undefined;
  const wrapped = root.get('taskDefinition');
  const view = !root.get('containerDefinitions') && wrapped?.isMap ? wrapped : root;
  const containerDefinitions = view.get('containerDefinitions');
  if (!containerDefinitions) return undefined;
  const compatibilities = view.get('requiresCompatibilities')?.items() ?? [];
  return {
    view,
    cpu: present(view.get('cpu')),
    memory: present(view.get('memory')),
    fargate: compatibilities.some((entry) => entry.string?.toUpperCase() === 'FARGATE'),
    windows: /^WINDOWS/i.test(view.at('runtimePlatform', 'operatingSystemFamily')?.string ?? ''),
    containerDefinitions,
    containers: containerDefinitions
      .items()
      .filter((item) => item.isMap)
      .map(containerOf),
  };
}

function containerOf(view: YamlView): EcsContainer {
  const name = view.get('name')?.text ?? '';
  const essential = view.get('essential')?.scalar;
  return {
    view,
    name,
    image: view.get('image'),
    user: present(view.get('user')),
    cpu: present(view.get('cpu')),
    memory: present(view.get('memory')),
    memoryReservation: present(view.get('memoryReservation')),
    healthCheck: present(view.get('healthCheck')),
    environment: (view.get('environment')?.items() ?? [])
      .filter((entry) => entry.isMap)
      .map((entry) => ({ view: entry, name: entry.get('name'), value: entry.get('value') })),
    secrets: present(view.get('secrets')),
    readonlyRootFilesystem: view.get('readonlyRootFilesystem'),
    privileged: view.get('privileged'),
    essential: essential !== false,
  };
}

/** JSON `null` sets nothing: the field is as good as absent. */
function present(view: YamlView | undefined): YamlView | undefined {
  return view && view.scalar !== null ? view : undefined;
}
