package ward.fixtures.weakhash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

class Tokens {

    String generateToken(String userId, long timestamp) throws NoSuchAlgorithmException {
        // ruleid: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        byte[] digest = md.digest((userId + ":" + timestamp).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    String signRequest(String query, String secret) throws NoSuchAlgorithmException {
        // ruleid: java-weak-hash
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        return HexFormat.of().formatHex(sha1.digest((query + secret).getBytes(StandardCharsets.UTF_8)));
    }

    byte[] payload(byte[] body) throws Exception {
        // ruleid: java-weak-hash
        byte[] signature = MessageDigest.getInstance("SHA1").digest(body);
        return signature;
    }

    String etag(byte[] content) throws NoSuchAlgorithmException {
        // ok: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return "\"" + HexFormat.of().formatHex(md.digest(content)) + "\"";
    }

    String fileChecksum(byte[] data) throws NoSuchAlgorithmException {
        // ok: java-weak-hash
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
    }

    String tokenDigest(String token) throws NoSuchAlgorithmException {
        // ok: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        return HexFormat.of().formatHex(md.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    String tokenize(String text) throws NoSuchAlgorithmException {
        // ok: java-weak-hash
        MessageDigest md = MessageDigest.getInstance("MD5");
        return text.split(" ")[0] + md.getAlgorithm();
    }
}
