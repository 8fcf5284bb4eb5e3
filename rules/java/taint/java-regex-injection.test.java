package ward.fixtures.taint.regex;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SearchController {
    private final List<String> titles = List.of("Alpha", "Beta");

    @GetMapping("/search")
    List<String> search(@RequestParam String term) {
        // ruleid: java-regex-injection
        Pattern p = Pattern.compile(term);
        // ok: java-regex-injection
        Pattern q = Pattern.compile(".*" + Pattern.quote(term) + ".*", Pattern.CASE_INSENSITIVE);
        return titles.stream().filter(t -> p.matcher(t).matches() || q.matcher(t).matches()).collect(Collectors.toList());
    }
}
