package ward.fixtures.xxetransformer;

import java.io.File;
import java.io.InputStream;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.w3c.dom.Document;

class Reports {

    String render(InputStream stylesheet, File data) throws Exception {
        // ruleid: java-xxe-transformer-factory
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        Transformer transformer = factory.newTransformer(new StreamSource(stylesheet));
        StringWriter out = new StringWriter();
        transformer.transform(new StreamSource(data), new StreamResult(out));
        return out.toString();
    }

    Templates compile(InputStream stylesheet) throws Exception {
        // ruleid: java-xxe-transformer-factory
        return TransformerFactory.newInstance().newTemplates(new StreamSource(stylesheet));
    }

    String serialize(Document doc) throws Exception {
        // ok: java-xxe-transformer-factory
        TransformerFactory factory = TransformerFactory.newInstance();
        Transformer identity = factory.newTransformer();
        StringWriter out = new StringWriter();
        identity.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }

    Transformer hardened(InputStream stylesheet) throws Exception {
        // ok: java-xxe-transformer-factory
        TransformerFactory factory = TransformerFactory.newInstance();
        factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory.newTransformer(new StreamSource(stylesheet));
    }
}
