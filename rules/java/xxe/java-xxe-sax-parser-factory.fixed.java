package ward.fixtures.xxesax;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.helpers.DefaultHandler;

class FeedReader {

    void read(InputStream feed, DefaultHandler handler) throws Exception {
        // ruleid: java-xxe-sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.setNamespaceAware(true);
        SAXParser parser = spf.newSAXParser();
        parser.parse(feed, handler);
    }

    void hardened(InputStream feed, DefaultHandler handler) throws Exception {
        // ok: java-xxe-sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        spf.newSAXParser().parse(feed, handler);
    }

    void noExternalEntities(InputStream feed, DefaultHandler handler) throws Exception {
        // ok: java-xxe-sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        spf.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        spf.newSAXParser().parse(feed, handler);
    }

    void withResolver(InputStream feed, DefaultHandler handler) throws Exception {
        // ok: java-xxe-sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        SAXParser parser = spf.newSAXParser();
        org.xml.sax.XMLReader reader = parser.getXMLReader();
        reader.setEntityResolver((publicId, systemId) -> new org.xml.sax.InputSource(new java.io.StringReader("")));
        reader.setContentHandler(handler);
        reader.parse(new org.xml.sax.InputSource(feed));
    }

    void secureProcessing(InputStream feed, DefaultHandler handler) throws Exception {
        // ok: java-xxe-sax-parser-factory
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        spf.newSAXParser().parse(feed, handler);
    }
}
