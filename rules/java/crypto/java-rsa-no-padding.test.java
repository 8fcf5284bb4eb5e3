package ward.fixtures.rsanopadding;

import javax.crypto.Cipher;

class RawRsa {

    Cipher raw() throws Exception {
        // ruleid: java-rsa-no-padding
        return Cipher.getInstance("RSA/NONE/NoPadding");
    }

    Cipher ecbName() throws Exception {
        // ruleid: java-rsa-no-padding
        return Cipher.getInstance("RSA/ECB/NoPadding");
    }

    Cipher oaep() throws Exception {
        // ok: java-rsa-no-padding
        return Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    }

    Cipher aes() throws Exception {
        // ok: java-rsa-no-padding
        return Cipher.getInstance("AES/CTR/NoPadding");
    }
}
