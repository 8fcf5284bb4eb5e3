package ward.fixtures.taint.deser;

import java.beans.XMLDecoder;
import java.io.IOException;
import java.io.ObjectInputStream;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yaml.snakeyaml.Yaml;

class ImportServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java-unsafe-deserialization
        try (ObjectInputStream in = new ObjectInputStream(request.getInputStream())) {
            Object state = in.readObject();
            response.setHeader("X-Imported", String.valueOf(state != null));
        } catch (ClassNotFoundException e) {
            response.sendError(400);
        }
        // ruleid: java-unsafe-deserialization
        XMLDecoder decoder = new XMLDecoder(request.getInputStream());
        decoder.close();
    }
}

@RestController
class ConfigController {
    @PostMapping("/config")
    String upload(@RequestBody String body) {
        // ruleid: java-unsafe-deserialization
        Object config = new Yaml().load(body);
        return String.valueOf(config);
    }

    String defaults() {
        // ok: java-unsafe-deserialization
        Object config = new Yaml().load("retries: 3");
        return String.valueOf(config);
    }
}
