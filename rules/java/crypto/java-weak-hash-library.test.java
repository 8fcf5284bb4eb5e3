package ward.fixtures.weakhashlibrary;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;

class ApiSigning {

    String sign(String params, String appSecret) {
        // ruleid: java-weak-hash-library
        return DigestUtils.md5Hex(params + appSecret);
    }

    String newSessionId(String seed) {
        // ruleid: java-weak-hash-library
        String sessionId = DigestUtils.sha1Hex(seed + System.nanoTime());
        return sessionId;
    }

    String csrfToken(String session) {
        // ruleid: java-weak-hash-library
        return Hashing.md5().hashString(session, StandardCharsets.UTF_8).toString();
    }

    String cacheKey(String url) {
        // ok: java-weak-hash-library
        return DigestUtils.md5Hex(url);
    }

    String contentHash(byte[] body) {
        // ok: java-weak-hash-library
        String etag = Hashing.sha1().hashBytes(body).toString();
        return etag;
    }

    String signature(String params) {
        // ok: java-weak-hash-library
        return DigestUtils.sha256Hex(params);
    }
}
