package ward.fixtures.xxestax;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

class StaxReader {

    XMLStreamReader open(InputStream in) throws Exception {
        // ruleid: java-xxe-xml-input-factory
        XMLInputFactory factory = XMLInputFactory.newInstance();
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }

    XMLStreamReader newFactory(InputStream in) throws Exception {
        // ruleid: java-xxe-xml-input-factory
        XMLInputFactory xif = XMLInputFactory.newFactory();
        return xif.createXMLStreamReader(in);
    }

    XMLStreamReader noDtd(InputStream in) throws Exception {
        // ok: java-xxe-xml-input-factory
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return xif.createXMLStreamReader(in);
    }

    XMLStreamReader noExternal(InputStream in) throws Exception {
        // ok: java-xxe-xml-input-factory
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty("javax.xml.stream.isSupportingExternalEntities", false);
        return xif.createXMLStreamReader(in);
    }
}
