package ward.fixtures.xxexmlreader;

import java.io.InputStream;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLReaderFactory;

class LegacyParser {

    @SuppressWarnings("deprecation")
    void parse(InputStream in, ContentHandler handler) throws Exception {
        // ruleid: java-xxe-xml-reader
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
    }

    @SuppressWarnings("deprecation")
    void hardened(InputStream in, ContentHandler handler) throws Exception {
        // ok: java-xxe-xml-reader
        XMLReader reader = XMLReaderFactory.createXMLReader();
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        reader.setContentHandler(handler);
        reader.parse(new InputSource(in));
    }
}
