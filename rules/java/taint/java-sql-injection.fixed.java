package ward.fixtures.taint.sql;

import java.io.BufferedReader;
import java.io.FileReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class UserServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        try {
            Statement st = conn.createStatement();
            // ruleid: java-sql-injection
            PreparedStatement ps2 = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
            ps2.setString(1, name);
            ResultSet rs = ps2.executeQuery();
            rs.close();

            String sql = "SELECT * FROM users WHERE name = ?";
            PreparedStatement ps = conn.prepareStatement(sql);
            ps.setString(1, name);
            // ok: java-sql-injection
            ps.executeQuery();

            int id = Integer.parseInt(request.getParameter("id"));
            // ok: java-sql-injection
            st.executeQuery("SELECT * FROM users WHERE id = " + id);

            StringBuilder q = new StringBuilder("DELETE FROM sessions WHERE owner = '");
            q.append(request.getHeader("X-User")).append("'");
            // ruleid: java-sql-injection
            conn.createStatement().executeUpdate(q.toString());

            // ruleid: java-sql-injection
            PreparedStatement bad = conn.prepareStatement("SELECT * FROM t ORDER BY " + request.getParameter("sort"));
            bad.close();
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}

class AuditServlet extends HttpServlet {
    private Connection conn;

    void audit(HttpServletRequest request) throws SQLException {
        // ruleid: java-sql-injection
        PreparedStatement ps = conn.prepareStatement("INSERT INTO audit (who, action) VALUES (?, 'login')");
        ps.setString(1, request.getParameter("who"));
        ps.executeUpdate();
    }
}

@RestController
class UserController {
    private static final Set<String> COLUMNS = Set.of("name", "email");
    private final JdbcTemplate jdbc;

    UserController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/users")
    List<Map<String, Object>> search(@RequestParam String q, @RequestParam(defaultValue = "name") String sort) {
        // ruleid: java-sql-injection
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM users WHERE name LIKE '%" + q + "%'");
        // ok: java-sql-injection
        rows = jdbc.queryForList("SELECT * FROM users WHERE name LIKE ?", "%" + q + "%");
        if (COLUMNS.contains(sort)) {
            // ok: java-sql-injection
            rows = jdbc.queryForList("SELECT * FROM users ORDER BY " + sort);
        }
        return rows;
    }

    @GetMapping("/users/{id}")
    Map<String, Object> byId(@PathVariable long id) {
        // ok: java-sql-injection
        return jdbc.queryForMap("SELECT * FROM users WHERE id = " + id);
    }

    @GetMapping("/teams/{team}/members")
    List<Map<String, Object>> members(@PathVariable String team, @RequestParam String role) {
        // ruleid: java-sql-injection
        return jdbc.queryForList("SELECT * FROM members WHERE team = ? AND role = ? LIMIT 50", team, role);
    }

    @GetMapping("/orgs/{org}")
    Map<String, Object> org(@PathVariable String org) {
        // ruleid: java-sql-injection
        return lookup(org);
    }

    private Map<String, Object> lookup(String org) {
        return jdbc.queryForMap("SELECT * FROM orgs WHERE slug = '" + org + "'");
    }

    Map<String, Object> internal(String org) {
        // ok: java-sql-injection
        return jdbc.queryForMap("SELECT * FROM orgs WHERE slug = '" + org + "'");
    }
}

@RestController
class ScriptController {
    private final JdbcTemplate jdbc;

    ScriptController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // What a file holds is not its name: the path is java-path-traversal's finding, at the read.
    @GetMapping("/scripts/{name}")
    void run(@PathVariable String name) throws IOException {
        Path script = Paths.get("/srv/scripts", name);
        for (String line : Files.readAllLines(script)) {
            // ok: java-sql-injection
            jdbc.execute(line);
        }
        try (BufferedReader reader = Files.newBufferedReader(script)) {
            // ok: java-sql-injection
            jdbc.execute(reader.readLine());
        }
        // ok: java-sql-injection
        jdbc.execute(Files.readString(script));
        try (BufferedReader in = new BufferedReader(new FileReader(script.toFile()))) {
            // ok: java-sql-injection
            jdbc.execute(in.readLine());
        }
        // ruleid: java-sql-injection
        jdbc.execute("DELETE FROM scripts WHERE name = '" + name + "'");
    }
}
