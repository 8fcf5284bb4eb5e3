package ward.fixtures.taint.ssrf;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;

@RestController
class PreviewController {
    private static final Set<String> PARTNERS = Set.of("api.partner.example");
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/preview")
    String preview(@RequestParam String url) throws IOException {
        // ruleid: java-ssrf
        try (InputStream in = new URL(url).openStream()) {
            in.read();
        }
        // ruleid: java-ssrf
        return rest.getForObject(url, String.class);
    }

    @GetMapping("/partner")
    String partner(@RequestParam String host, @RequestParam String id) {
        if (!PARTNERS.contains(host)) {
            throw new IllegalArgumentException("unknown partner");
        }
        // ok: java-ssrf
        String status = rest.getForObject("https://" + host + "/status", String.class);
        // ok: java-ssrf
        return status + rest.getForObject("https://api.partner.example/items/" + id, String.class);
    }

    @GetMapping("/fetch")
    String fetch(@RequestParam String target) {
        // ruleid: java-ssrf
        return rest.getForObject(URI.create(target), String.class);
    }
}
