package ward.conformance.sanitizer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

class InvoiceServlet extends HttpServlet {
    private Connection conn;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int id = Integer.parseInt(request.getParameter("id"));
        // Escaped for HTML, not for SQL: a quote written as &#39; is fine, a backslash is not.
        String note = org.springframework.web.util.HtmlUtils.htmlEscape(request.getParameter("note"));
        try (Statement st = conn.createStatement()) {
            // ok: java-sql-injection
            st.executeQuery("SELECT * FROM invoices WHERE id = " + id);
            // ruleid: java-sql-injection
            st.executeQuery("SELECT * FROM invoices WHERE note = '" + note + "'");
        } catch (SQLException e) {
            response.sendError(500);
        }
    }
}
