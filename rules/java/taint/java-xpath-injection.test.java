package ward.fixtures.taint.xpath;

import java.io.IOException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

class DirectoryServlet extends HttpServlet {
    private Document users;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String user = request.getParameter("user");
        try {
            // ruleid: java-xpath-injection
            String email = xpath.evaluate("//user[name='" + user + "']/email", users);
            xpath.setXPathVariableResolver(v -> "name".equals(v.getLocalPart()) ? user : null);
            // ok: java-xpath-injection
            String phone = xpath.evaluate("//user[name=$name]/phone", users);
            response.getWriter().write(email.length() + phone.length());
        } catch (XPathExpressionException e) {
            response.sendError(400);
        }
    }
}
