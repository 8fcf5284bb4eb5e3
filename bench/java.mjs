// The benchmark's Java part (`npm run bench -- --only java`): Ward's Java lines/s per core
// against its JavaScript lines/s in the same run (one worker each, interleaved rounds, the
// median of the per-round ratios; target: Java within 1.5× of JavaScript), a bare parse of
// both parts (the floor), and edit→diagnostics latency on a generated 20k-line .java file.
//
// Corpus (reproducible, like the JavaScript one): pinned `-sources.jar` artifacts from Maven
// Central, unpacked by Maven's own client (`mvn dependency:unpack`, so the machine's Maven
// settings and mirrors apply) into <cache>/maven, never into the repo; their .java files are
// copied into <cache>/corpus-java/<artifact>, each artifact capped at an equal share of the
// line budget in sorted path order, so every library is represented.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { againstJsLines, benchAgainstJs } from './againstJs.mjs';

export const JAVA_ARTIFACTS = [
  'org.springframework:spring-web:7.0.10',
  'org.springframework:spring-webmvc:7.0.10',
  'com.fasterxml.jackson.core:jackson-databind:2.23.0',
  'org.apache.tomcat.embed:tomcat-embed-core:11.0.13',
  'org.apache.commons:commons-lang3:3.17.0',
  'commons-io:commons-io:2.22.0',
];

function mavenUnpack(mavenDir, log) {
  const stamp = join(mavenDir, '.artifacts');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === JAVA_ARTIFACTS.join('\n')) return true;
  try {
    execFileSync('mvn', ['--version'], { stdio: 'ignore' });
  } catch {
    log('no mvn on this machine: the Java part needs Maven to fetch its sources, skipped');
    return false;
  }
  rmSync(mavenDir, { recursive: true, force: true });
  mkdirSync(mavenDir, { recursive: true });
  for (const gav of JAVA_ARTIFACTS) {
    const [, artifact, version] = gav.split(':');
    log(`fetching ${gav}:sources with mvn into ${mavenDir}`);
    execFileSync(
      'mvn',
      // Run in the cache folder: outside a project the plugin keeps its markers in a folder
      // literally named `${project.basedir}` under the working folder.
      ['-B', '-q', 'dependency:unpack', `-Dartifact=${gav}:jar:sources`, `-DoutputDirectory=${join(mavenDir, `${artifact}-${version}`)}`, '-Dmdep.unpack.includes=**/*.java'],
      { cwd: mavenDir, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
  writeFileSync(stamp, JAVA_ARTIFACTS.join('\n'));
  return true;
}

/**
 * The Java corpus under <cache>/corpus-java: `{ key, parts: { java: [{ path, lines, bytes }] } }`,
 * or undefined where Maven is missing. `assemble(from, to, re, budget, skipDir)` is run.mjs's copier.
 */
export function buildJavaCorpus(cache, budget, assemble, log) {
  const mavenDir = join(cache, 'maven');
  const corpusDir = join(cache, 'corpus-java');
  const key = JSON.stringify({ JAVA_ARTIFACTS, budget, v: 1 });
  const manifest = join(corpusDir, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.key === key) return m;
  }
  if (!mavenUnpack(mavenDir, log)) return undefined;
  log('assembling the Java corpus');
  rmSync(corpusDir, { recursive: true, force: true });
  const share = Math.ceil(budget / JAVA_ARTIFACTS.length);
  const files = [];
  for (const gav of JAVA_ARTIFACTS) {
    const [, artifact, version] = gav.split(':');
    files.push(...assemble(join(mavenDir, `${artifact}-${version}`), join(corpusDir, 'java', artifact), /\.java$/, share, (name) => name === 'META-INF'));
  }
  const m = { key, dir: corpusDir, parts: { java: files } };
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(manifest, JSON.stringify(m));
  return m;
}

/**
 * A servlet class of about `lines` lines: handler methods with typed locals, a loop, a map
 * lookup and a branch, one command-injection finding per ~100 lines. `editLine` is a line
 * inside the handler nearest the middle, where `request` is in scope.
 */
export function generateJava(lines) {
  const out = [
    'package bench.generated;',
    '',
    'import java.io.IOException;',
    'import java.util.ArrayList;',
    'import java.util.HashMap;',
    'import java.util.List;',
    'import java.util.Map;',
    'import javax.servlet.http.HttpServlet;',
    'import javax.servlet.http.HttpServletRequest;',
    'import javax.servlet.http.HttpServletResponse;',
    '',
    'public class Generated extends HttpServlet {',
    '    private final Map<String, String> names = new HashMap<>();',
    '',
  ];
  let i = 0;
  let editLine = 0;
  while (out.length < lines - 3) {
    out.push(
      `    void handler${i}(HttpServletRequest request, HttpServletResponse response) throws IOException {`,
      `        String id = request.getParameter("id${i}");`,
    );
    if (out.length < lines / 2) editLine = out.length;
    out.push(
      `        int n = Integer.parseInt(id) + ${i};`,
      '        List<String> items = new ArrayList<>();',
      '        for (int k = 0; k < n % 10; k++) {',
      `            items.add(names.getOrDefault(String.valueOf(k), "item${i}"));`,
      '        }',
      '        if (items.isEmpty()) {',
      '            response.sendError(404);',
      '            return;',
      '        }',
      i % 8 === 0 ? '        Runtime.getRuntime().exec("cat /data/" + id);' : `        response.getWriter().println(items.size() + n * ${i});`,
      '    }',
      '',
    );
    i++;
  }
  out.push('}', '');
  return { text: out.join('\n'), editLine };
}

/**
 * Runs the part. `h` holds run.mjs's pieces: { cache, budget, assemble, log, rounds, jsFiles,
 * wardScan(dirs, extra, cwd), bareParse(files), measureLatency (bench/latency.mjs), serverJs }. Undefined where Maven is missing.
 */
export async function benchJava(h) {
  const corpus = buildJavaCorpus(h.cache, h.budget, h.assemble, h.log);
  if (!corpus) return undefined;
  const r = await benchAgainstJs(h, { key: 'java', label: 'Java', files: corpus.parts.java, dir: corpus.dir, shape: 'java' });
  return { artifacts: JAVA_ARTIFACTS, ...r };
}

export function javaLines(r, fmt) {
  return againstJsLines(r, 'java', 'Java', `Java part: ${r.artifacts.join(', ')} (-sources.jar)`, fmt);
}
