package ward.fixtures.xxedbf;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;

class XmlImport {
    private final DocumentBuilderFactory shared;

    XmlImport() throws ParserConfigurationException {
        // ok: java-xxe-document-builder-factory
        shared = DocumentBuilderFactory.newInstance();
        shared.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    }

    Document parse(InputStream upload) throws Exception {
        // ruleid: java-xxe-document-builder-factory
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(upload);
    }

    Document chained(InputStream upload) throws Exception {
        // ruleid: java-xxe-document-builder-factory
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(upload);
    }

    Document hardened(InputStream upload) throws Exception {
        // ok: java-xxe-document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        dbf.setXIncludeAware(false);
        return dbf.newDocumentBuilder().parse(upload);
    }

    Document jaxp15(InputStream upload) throws Exception {
        // ok: java-xxe-document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return dbf.newDocumentBuilder().parse(upload);
    }

    Document withResolver(InputStream upload) throws Exception {
        // ok: java-xxe-document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        DocumentBuilder builder = dbf.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
        return builder.parse(upload);
    }

    Document building() throws Exception {
        // ok: java-xxe-document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        DocumentBuilder db = dbf.newDocumentBuilder();
        return db.newDocument();
    }

    Document configuredByHelper(InputStream upload) throws Exception {
        // ok: java-xxe-document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        XmlSecurity.harden(dbf);
        return dbf.newDocumentBuilder().parse(upload);
    }

    static DocumentBuilderFactory newFactory() {
        // ok: java-xxe-document-builder-factory
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        return dbf;
    }

    static class XmlSecurity {
        static void harden(DocumentBuilderFactory dbf) throws ParserConfigurationException {
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        }
    }
}
