package ward.fixtures.cryptokey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

class Signer {
    private static final String SIGNING_KEY = "b1946ac92492d2347c6235b4d2611184";
    private static final byte[] AES_KEY = { 0x2b, 0x7e, 0x15, 0x16, 0x28, (byte) 0xae, (byte) 0xd2, (byte) 0xa6, (byte) 0xab, (byte) 0xf7, 0x15, (byte) 0x88, 0x09, (byte) 0xcf, 0x4f, 0x3c };

    byte[] sign(byte[] payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        // ruleid: java-hardcoded-crypto-key
        mac.init(new SecretKeySpec(SIGNING_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(payload);
    }

    SecretKeySpec aes() {
        // ruleid: java-hardcoded-crypto-key
        return new SecretKeySpec(AES_KEY, "AES");
    }

    SecretKeySpec fromEnvironment() {
        // ok: java-hardcoded-crypto-key
        return new SecretKeySpec(Base64.getDecoder().decode(System.getenv("DATA_KEY")), "AES");
    }

    SecretKeySpec derived(byte[] material) {
        // ok: java-hardcoded-crypto-key
        return new SecretKeySpec(material, 0, 16, "AES");
    }
}
