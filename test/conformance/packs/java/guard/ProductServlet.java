package ward.conformance.guard;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class ProductServlet extends HttpServlet {
    private static final Set<String> SORTABLE = Set.of("name", "created", "price");
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String column = request.getParameter("sort");
        try (Statement st = conn.createStatement()) {
            if (SORTABLE.contains(column)) {
                // ok: java-sql-injection
                st.executeQuery("SELECT * FROM products ORDER BY " + column);
            } else {
                // ruleid: java-sql-injection
                st.executeQuery("SELECT * FROM products ORDER BY " + column + " DESC");
            }
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
