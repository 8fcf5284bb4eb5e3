package ward.conformance.container;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class FilterServlet extends HttpServlet {
    private Connection conn;

    static class Criteria {
        String owner;
        String table;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Criteria criteria = new Criteria();
        criteria.owner = request.getParameter("owner");
        criteria.table = "documents";
        List<String> tags = new ArrayList<>();
        tags.add(request.getParameter("tag"));
        try (Statement st = conn.createStatement()) {
            // ruleid: java-sql-injection
            st.executeQuery("SELECT * FROM documents WHERE owner = '" + criteria.owner + "'");
            // ok: java-sql-injection
            st.executeQuery("SELECT * FROM " + criteria.table);
            // ruleid: java-sql-injection
            st.executeQuery("SELECT * FROM documents WHERE tag IN ('" + String.join("','", tags) + "')");
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
