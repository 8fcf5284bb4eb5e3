// Java imports across the modules of one build (Maven, Gradle): `shop-web/src/main/java/…`
// importing `com.shop.util.Names` from `shop-common/src/main/java/…`. The helper's summary is
// what makes the call precise: its sink is reported at the handler's call, its sanitizer clears
// the handler's value.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { tempTree } = require('../tempTree');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const ward = require(path.join(dist, 'engine.js'));
const JAVA = ward.languageForPath('A.java');

const { dir, write } = tempTree('ward-java-modules-');
const names = write('shop/shop-common/src/main/java/com/shop/util/Names.java', `package com.shop.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

public class Names {
    public static String withoutFolders(String name) {
        return name.replaceAll("[\\\\\\\\/:*?<>|]", "");
    }

    public static void remove(String name) throws IOException {
        Files.delete(Paths.get("/srv/files", name));
    }
}
`);
const controller = `import com.shop.util.Names;
import com.shop.util.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class FileController {
    @DeleteMapping("/files")
    void delete(@RequestParam String name) throws IOException {
        Names.remove(name);
    }

    @GetMapping("/files")
    byte[] read(@RequestParam String name) throws IOException {
        return Files.readAllBytes(Paths.get("/srv/files", Names.withoutFolders(name)));
    }

    @GetMapping("/search")
    void search(@RequestParam String q) throws IOException {
        Query query = new Query(q);
        Files.delete(Paths.get("/srv/files", query.getText()));
    }
}
`;
// A value class of the common module: a getter returns what its object holds.
write('shop/shop-common/src/main/java/com/shop/util/Query.java', `package com.shop.util;

public class Query {
    private final String text;

    public Query(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }
}
`);
// A sibling module, and a module inside an aggregator folder one level down.
const web = write('shop/shop-web/src/main/java/com/shop/web/FileController.java', 'package com.shop.web;\n\n' + controller);
const orders = write('shop/shop-modules/orders/src/main/java/com/shop/orders/FileController.java', 'package com.shop.orders;\n\n' + controller);

// The same in one module (resolved before multi-module builds were).
write('solo/src/main/java/com/solo/model/Query.java', `package com.solo.model;

public class Query {
    private final String text;

    public Query(String text) {
        this.text = text;
    }

    public String getText() {
        return text;
    }
}
`);
write('solo/src/main/java/com/solo/search/SearchController.java', `package com.solo.search;

import com.solo.model.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {
    @GetMapping("/search")
    void search(@RequestParam String q) throws IOException {
        Query query = new Query(q);
        Files.delete(Paths.get("/srv/files", query.getText()));
    }
}
`);

test('an import names the class in a sibling module or one beside its aggregator', () => {
  const { engine } = ward.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
  const known = (p) => [names, web, orders].includes(p) || p.startsWith(path.dirname(names));
  for (const file of [web, orders]) {
    const text = require('node:fs').readFileSync(file, 'utf8');
    assert.deepEqual(engine.taint.helperModules(file, text, JAVA.family, known), [names, path.join(path.dirname(names), 'Query.java')]);
  }
});

test("the helper's sink and sanitizer are read across the modules", () => {
  const out = execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'scan', dir, '--no-config', '-f', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
  const found = JSON.parse(out).findings.filter((f) => f.ruleId === 'java-path-traversal');
  const lines = found.map((f) => `${path.basename(path.dirname(f.path))}:${f.start.line} ${f.message}`).sort();
  assert.deepEqual(lines, [
    'orders:17 `name` reaches `delete` via `remove()` (path traversal)',
    'orders:28 `q` reaches `delete` (path traversal)',
    'search:16 `q` reaches `delete` (path traversal)',
    'web:17 `name` reaches `delete` via `remove()` (path traversal)',
    'web:28 `q` reaches `delete` (path traversal)',
  ].sort());
});
