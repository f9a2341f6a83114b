import { Workspace } from '/work/main/server/src/workspace/workspace.ts';
import { Linter } from '/work/main/server/src/engine/linter.ts';
import { rules } from '/work/main/server/src/rules/index.ts';
import { INTERNAL_ERROR_PREFIX } from '/work/main/server/src/engine/lint.ts';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
const kind = process.argv[2] ?? 'dockerfile';
const seconds = Number(process.argv[3] ?? 60);
let seed = Number(process.argv[4] ?? 42);
const dir = `/work/shared/corpus/${kind}`;
const files: string[] = [];
const walk = (d: string) => { for (const e of readdirSync(d, { withFileTypes: true })) { if (e.isDirectory()) walk(`${d}/${e.name}`); else if (!e.name.endsWith('.md') && !e.name.endsWith('.tsv')) files.push(`${d}/${e.name}`); } };
walk(dir);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const dfChars = ['"', "'", '`', '$', '(', ')', '{', '}', '\\', '\n', '<<EOF\n', '|', '&', ';', 'EOF', '[', ']', '${', '#', ' ', '\t', '\r\n', 'FROM ', 'RUN ', 'COPY --from=', 'AS ', 'ARG A=', 'ONBUILD ', 'USER ', ':latest', '@sha256:', '--mount=type=cache,target=/x ', '\\\n', '\u00e9', '\ud83d\ude00', '\u0000'];
const yChars = ['"', "'", ':', '- ', '\n', '  ', '{', '}', '[', ']', '#', '&a', '*a', '!!str ', '---\n', '|', '>', '\t', '? ', 'image: ', 'services:\n', 'kind: Deployment\n', 'resources:\n', '%', '@', '\u00e9'];
const chars = kind === 'dockerfile' ? dfChars : yChars;
const name = kind === 'dockerfile' ? 'Dockerfile' : kind === 'compose' ? 'compose.yaml' : 'deployment.yaml';
const ws = new Workspace({ readFile: () => undefined });
const linter = new Linter(ws, rules);
let bad = 0; let n = 0, internal = 0, throws = 0, maxMs = 0, fixesApplied = 0, worst = '';
const t0 = Date.now();
const applyEdits = (text: string, edits: { range: any; newText: string }[]) => {
  const lines = text.split('\n'); const off = (p: any) => { let o = 0; for (let i = 0; i < p.line; i++) o += lines[i]!.length + 1; return o + p.character; };
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
};
while (Date.now() - t0 < seconds * 1000) {
  let s = texts[Math.floor(rnd() * texts.length)]!;
  const k = 1 + Math.floor(rnd() * 8);
  for (let i = 0; i < k; i++) { const p = Math.floor(rnd() * s.length); s = s.slice(0, p) + chars[Math.floor(rnd() * chars.length)] + s.slice(p + Math.floor(rnd() * 4)); }
  const uri = `file:///fuzz/${n}/${name}`;
  ws.open(uri, s, kind === 'dockerfile' ? 'dockerfile' : kind === 'compose' ? 'dockercompose' : 'yaml');
  const a = performance.now();
  try {
    const result = linter.lint(uri)!;
    const ms = performance.now() - a;
    if (ms > maxMs) { maxMs = ms; }
    for (const f of result.findings) {
      if (f.message.startsWith(INTERNAL_ERROR_PREFIX)) { internal++; if (internal < 6) console.log('INTERNAL', f.ruleId, f.message.slice(0, 300), '\n---\n', s.slice(0, 0)); if (internal < 3) writeFileSync(`/tmp/fz/internal-${internal}.txt`, s); }
      for (const fix of f.fixes) {
        if (fix.edits) { const fixed = applyEdits(s, fix.edits); fixesApplied++; ws.open(uri + '.fixed', fixed, kind === 'dockerfile' ? 'dockerfile' : 'yaml'); const r2 = linter.lint(uri + '.fixed'); for (const g of r2?.findings ?? []) if (g.message.startsWith(INTERNAL_ERROR_PREFIX)) { internal++; console.log('INTERNAL after fix', f.ruleId, g.ruleId, g.message.slice(0, 200)); } const before = result.findings.filter((x) => x.ruleId === f.ruleId).length; const after = (r2?.findings ?? []).filter((x) => x.ruleId === f.ruleId).length; const syn = (r: any) => (r?.findings ?? []).filter((x: any) => x.ruleId.endsWith('/syntax') || x.ruleId.endsWith('yaml-syntax')).length; if (f.ruleId !== 'dockerfile/missing-dockerignore' && (after >= before || syn(r2) > syn(result))) { bad++; if (bad < 8) { console.log('BADFIX', f.ruleId, fix.title, 'before', before, 'after', after, 'syntax', syn(result), '->', syn(r2)); writeFileSync(`/tmp/fz/badfix-${bad}.txt`, s + '\n=====FIXED=====\n' + fixed); } } ws.close(uri + '.fixed'); }
      }
    }
  } catch (e) { throws++; if (throws < 5) { console.log('THROW', String((e as Error).stack).slice(0, 600)); writeFileSync(`/tmp/fz/throw-${throws}.txt`, s); } }
  ws.close(uri);
  n++;
}
console.log({ bad, kind, n, internal, throws, fixesApplied, maxMs: maxMs.toFixed(1) });
