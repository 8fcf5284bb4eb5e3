package ward.fixtures.objectinputstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.net.Socket;

class Receiver {

    Object receive(Socket socket) throws Exception {
        ObjectInputStream in = new ObjectInputStream(socket.getInputStream());
        // ruleid: java-object-input-stream
        return in.readObject();
    }

    Object chained(InputStream body) throws Exception {
        // ruleid: java-object-input-stream
        return new ObjectInputStream(body).readObject();
    }

    Object filtered(InputStream body) throws Exception {
        ObjectInputStream in = new ObjectInputStream(body);
        in.setObjectInputFilter(ObjectInputFilter.Config.createFilter("com.example.dto.*;java.base/*;!*"));
        // ok: java-object-input-stream
        return in.readObject();
    }

    Object lookAhead(InputStream body) throws Exception {
        ObjectInputStream in = new ObjectInputStream(body) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                if (!desc.getName().startsWith("com.example.dto.")) {
                    throw new InvalidClassException(desc.getName(), "not allowed");
                }
                return super.resolveClass(desc);
            }
        };
        // ok: java-object-input-stream
        return in.readObject();
    }

    int header(InputStream body) throws Exception {
        // ok: java-object-input-stream
        ObjectInputStream in = new ObjectInputStream(body);
        return in.readInt();
    }
}
