package ward.fixtures.snakeyaml;

import java.io.InputStream;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ConfigLoader {

    Object load(String document) {
        Yaml yaml = new Yaml();
        // ruleid: java-snakeyaml-unsafe-load
        return yaml.load(document);
    }

    Map<String, Object> loadAs(InputStream in) {
        // ruleid: java-snakeyaml-unsafe-load
        return new Yaml().loadAs(in, Map.class);
    }

    Object safe(String document) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        // ok: java-snakeyaml-unsafe-load
        return yaml.load(document);
    }

    private static final String DEFAULTS = "retries: 3\ntimeout: 30\n";

    Object defaults() {
        Yaml yaml = new Yaml();
        // ok: java-snakeyaml-unsafe-load
        return yaml.load(DEFAULTS);
    }

    Object inline() {
        // ok: java-snakeyaml-unsafe-load
        return new Yaml().load("enabled: true");
    }

    String dump(Map<String, Object> data) {
        // ok: java-snakeyaml-unsafe-load
        Yaml yaml = new Yaml();
        return yaml.dump(data);
    }
}
