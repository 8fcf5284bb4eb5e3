package ward.fixtures.taint.ldap;

import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PeopleController {
    private DirContext ctx;

    @GetMapping("/people")
    boolean exists(@RequestParam String uid) throws NamingException {
        SearchControls controls = new SearchControls();
        // ruleid: java-ldap-injection
        NamingEnumeration<SearchResult> bad = ctx.search("ou=people,dc=example,dc=com", "(uid=" + uid + ")", controls);
        // ok: java-ldap-injection
        NamingEnumeration<SearchResult> good = ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] { uid }, controls);
        return bad.hasMore() || good.hasMore();
    }
}
