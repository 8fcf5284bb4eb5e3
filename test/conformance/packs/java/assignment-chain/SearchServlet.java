package ward.conformance.chain;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class SearchServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String term = request.getParameter("term");
        String pattern = "%" + term + "%";
        String where = "title LIKE '" + pattern + "'";
        String sql = "SELECT id, title FROM books WHERE " + where;
        int limit = 20;
        String page = "SELECT id, title FROM books LIMIT " + limit;
        try (Statement st = conn.createStatement()) {
            // ruleid: java-sql-injection
            st.executeQuery(sql);
            // ok: java-sql-injection
            st.executeQuery(page);
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
