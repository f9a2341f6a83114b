/**
 * How dclint's ordering rules compare names: by the English collation (`db` < `Redis` < `web`), so that a list they
 * call sorted is sorted here too; `numeric` orders `8080` after `443`.
 */
export function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

export function compareNumbered(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
