// The text hint that picks files for the taint pass: a Java parameter takes a role from its
// type only through an import of that type (units.ts typedRole), so a file whose text lacks
// the type's full name is not walked (Spring's own HttpHeaders is not JAX-RS input).
const { test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const ward = require(path.join(dist, 'engine.js'));
const JAVA = ward.languageForPath('A.java');
const TS = ward.languageForPath('a.ts');

let engine;
before(() => {
  engine = ward.loadEngine([path.join(__dirname, '..', '..', 'rules')]).engine;
});

const hint = (lang, text) => engine.taint.mayHaveSources(text, lang.family, engine.plan(lang).taint);

const resource = (importLine) => `package p;

${importLine}

public class Resource {
    public String run(HttpHeaders headers, String name) throws Exception {
        Runtime.getRuntime().exec(new String[] { "sh", "-c", headers.getHeaderString(name) });
        return name;
    }
}
`;

test('a typed parameter counts only where its type is imported by its full name', async () => {
  assert.equal(hint(JAVA, resource('import javax.ws.rs.core.HttpHeaders;')), true);
  assert.equal(hint(JAVA, resource('import jakarta.ws.rs.core.HttpHeaders;')), true);
  assert.equal(hint(JAVA, resource('import org.springframework.http.HttpHeaders;')), false);
  const servlet = 'class A {\n  void doGet(HttpServletRequest req, HttpServletResponse resp) {}\n}\n';
  assert.equal(hint(JAVA, `import javax.servlet.http.HttpServletRequest;\n${servlet}`), true);
  // In the servlet API's own package the type needs no import, and gives no role either.
  assert.equal(hint(JAVA, `package javax.servlet.http;\n${servlet}`), false);
});

test('the files the hint skips had no taint finding to give', async () => {
  const spring = await engine.scanText(resource('import org.springframework.http.HttpHeaders;'), JAVA, { relativePath: 'Resource.java' });
  assert.deepEqual(spring.findings.filter((f) => f.trace).map((f) => f.ruleId), []);
  const jaxrs = await engine.scanText(resource('import javax.ws.rs.core.HttpHeaders;'), JAVA, { relativePath: 'Resource.java' });
  assert.ok(jaxrs.findings.some((f) => f.trace && f.ruleId === 'java-command-injection'), jaxrs.findings.map((f) => f.ruleId).join());
});

test('languages whose imports do not spell a type out keep matching its last name', () => {
  assert.equal(hint(TS, "import { Request, Response } from 'express';\nexport function h(req: Request, res: Response) { return 1; }\n"), true);
});
