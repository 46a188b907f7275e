package com.cdcappsync.localstack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request,
 * SignedHeaders=a;b;c, Signature=hex} header (AWS IAM User Guide, "Elements of an AWS API request signature").
 *
 * @param accessKeyId the access key id
 * @param scopeDate the credential scope's date, {@code yyyyMMdd}
 * @param region the credential scope's region
 * @param service the credential scope's service
 * @param terminator the credential scope's terminator, {@code aws4_request}
 * @param signedHeaders the signed header names, lower case, in the header's order
 * @param signature the signature, hex
 */
record SigV4Authorization(String accessKeyId, String scopeDate, String region, String service, String terminator,
                          List<String> signedHeaders, String signature) {

    private static final int SCOPE_PARTS = 5;

    /**
     * Parses the header.
     *
     * @throws SigV4Verifier.Refused with AWS's {@code IncompleteSignatureException} when a part is missing
     */
    static SigV4Authorization parse(String header) {
        if (header == null || !header.startsWith(SigV4Verifier.ALGORITHM + " ")) {
            throw refused("Authorization header must start with '" + SigV4Verifier.ALGORITHM + " '.");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : header.substring(SigV4Verifier.ALGORITHM.length() + 1).split(",")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
            }
        }
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parts.getOrDefault(name, "").isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (!missing.isEmpty()) {
            throw refused(missing + "Authorization=" + SigV4Verifier.ALGORITHM + " ...");
        }
        String[] scope = parts.get("Credential").split("/");
        if (scope.length != SCOPE_PARTS) {
            throw refused("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + parts.get("Credential") + "'");
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4],
                Arrays.asList(parts.get("SignedHeaders").split(";")), parts.get("Signature"));
    }

    private static SigV4Verifier.Refused refused(String message) {
        return new SigV4Verifier.Refused(AppSyncRefusal.incompleteSignature(message));
    }
}
