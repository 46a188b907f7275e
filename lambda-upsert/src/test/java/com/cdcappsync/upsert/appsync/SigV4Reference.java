package com.cdcappsync.upsert.appsync;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent SigV4 implementation (AWS "Create a signed request" steps) that recomputes the
 * signature from the request as the server received it, so a test can check the client's signature
 * and that the Host the JDK sent is the Host that was signed.
 */
final class SigV4Reference {

    static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/"
            + "([^/]+)/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})");

    private SigV4Reference() {
    }

    /** The signature the request should carry, given the secret key. */
    static String expectedSignature(ScriptedHttpServer.Received request, String secretKey) {
        Matcher auth = AUTHORIZATION.matcher(request.header("authorization"));
        if (!auth.matches()) {
            throw new AssertionError("not a SigV4 Authorization header: " + request.header("authorization"));
        }
        String date = auth.group(2);
        String region = auth.group(3);
        String service = auth.group(4);
        List<String> signedHeaders = Arrays.asList(auth.group(5).split(";"));
        String canonicalHeaders = signedHeaders.stream()
                .map(name -> name + ":" + request.header(name).strip() + "\n")
                .collect(Collectors.joining());
        String canonicalRequest = String.join("\n", request.method(), request.target(), "", canonicalHeaders,
                String.join(";", signedHeaders), hex(sha256(request.body())));
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", request.header("x-amz-date"), scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
