/**
 * A task definition with one container `web` (image nginx:1.27), formatted as `aws ecs` writes it. `container` is
 * appended to the container's members (start it with `,\n      `), `top` comes before `containerDefinitions` (end
 * each of its lines with `,\n`). With `top` empty the container's `{` is on line 4, `"name"` on line 5 (value at
 * column 15) and `"image"` on line 6 (value at column 16).
 */
export function taskDefinition(container = '', top = ''): string {
  return `{
  "family": "web",
${top}  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27"${container}
    }
  ]
}
`;
}
