package ward.fixtures.xmldecoder;

import java.beans.XMLDecoder;
import java.beans.XMLEncoder;
import java.io.InputStream;
import java.io.OutputStream;

class Settings {

    Object load(InputStream in) {
        try (XMLDecoder decoder = new XMLDecoder(in)) {
            // ruleid: java-xml-decoder
            return decoder.readObject();
        }
    }

    Object direct(InputStream in) {
        // ruleid: java-xml-decoder
        return new XMLDecoder(in).readObject();
    }

    void save(Object value, OutputStream out) {
        // ok: java-xml-decoder
        try (XMLEncoder encoder = new XMLEncoder(out)) {
            encoder.writeObject(value);
        }
    }
}
