package ward.fixtures.xstream;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.security.NoTypePermission;

class Orders {

    Object read(String xml) {
        XStream xstream = new XStream();
        xstream.alias("order", Order.class);
        // ruleid: java-xstream-unrestricted
        return xstream.fromXML(xml);
    }

    Object allowListed(String xml) {
        XStream xstream = new XStream();
        xstream.addPermission(NoTypePermission.NONE);
        xstream.allowTypes(new Class[] { Order.class });
        // ok: java-xstream-unrestricted
        return xstream.fromXML(xml);
    }

    String write(Order order) {
        // ok: java-xstream-unrestricted
        XStream xstream = new XStream();
        return xstream.toXML(order);
    }

    static class Order {
        String id;
    }
}
