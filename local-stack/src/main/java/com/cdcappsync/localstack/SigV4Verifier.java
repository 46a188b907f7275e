package com.cdcappsync.localstack;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * Verifies a SigV4-signed request (to AppSync, or to the Lambda Invoke API) the way AWS does, against the
 * credentials the local stack issued ({@link CredentialsAuthority}): the signature is computed again with the SDK's
 * own {@link AwsV4HttpSigner}, at the request's {@code X-Amz-Date} (the signing clock), and compared. Before that,
 * in AWS's order: the header's parts, the credential scope (the service, {@code appsync} or {@code lambda}; the
 * stack's region; the date), the clock skew, the signed headers ({@code host} and {@code x-amz-date} must be
 * signed), the access key, the session token
 * ({@code X-Amz-Security-Token}, which temporary credentials must carry), expiry, and the payload hash. A verifier
 * given a {@link TrustedExternalKey} (the AppSync endpoint's, with {@code --trust-external-key}) also takes that one
 * key as the function's: every check but the session token's (issued elsewhere, it is only signed).
 *
 * <p>Sources: AWS IAM User Guide, "AWS Signature Version 4 for API requests" / "Elements of a request signature"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html and
 * reference_aws-signing.html: "a request must reach AWS within five minutes of the time stamp in the request");
 * AWS's messages as services return them ("Signature expired: ... (... - 5 min.)", "Credential should be scoped to
 * a valid region", "Credential should be scoped to correct service", "The request signature we calculated does
 * not match the signature you provided...").
 */
final class SigV4Verifier {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** The AppSync data plane's signing name. */
    static final String SERVICE = "appsync";
    /** AWS accepts a request within five minutes of its time stamp (IAM User Guide, reference_aws-signing). */
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";

    /**
     * The request as it arrived.
     *
     * @param method the HTTP method
     * @param uri {@code http://<Host header><raw path>[?<raw query>]}
     * @param headers every header, names in lower case, values in order
     * @param body the payload, as received
     */
    record Request(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : String.join(",", values);
        }
    }

    private final CredentialsAuthority authority;
    private final String region;
    private final String service;
    /** The one external key accepted as the function's role (the AppSync endpoint's {@code --trust-external-key}). */
    private final TrustedExternalKey trusted;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** A verifier for AppSync ({@value #SERVICE}). */
    SigV4Verifier(CredentialsAuthority authority, String region) {
        this(authority, region, SERVICE);
    }

    /** A verifier for requests signed for {@code service} (its signing name, e.g. {@code lambda}). */
    SigV4Verifier(CredentialsAuthority authority, String region, String service) {
        this(authority, region, service, null);
    }

    /** A verifier that also accepts {@code trusted} (null: none) as the function's role. */
    SigV4Verifier(CredentialsAuthority authority, String region, String service, TrustedExternalKey trusted) {
        this.authority = Objects.requireNonNull(authority, "authority");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.trusted = trusted;
    }


    /**
     * Verifies the signature and names the caller.
     *
     * @return the credentials it was signed with (their {@link CredentialsAuthority.Role} is whose policy applies)
     * @throws Refused with AWS's status, error type and message (the common SigV4 errors, the same for every service)
     */
    CredentialsAuthority.IssuedCredentials authenticate(Request request) {
        SigV4Authorization auth = SigV4Authorization.parse(request.header("authorization"));
        Instant signedAt = signedAt(request, auth);
        checkScope(auth, signedAt);
        checkSkew(signedAt);
        CredentialsAuthority.IssuedCredentials credentials = credentials(request, auth);
        checkPayloadHash(request);
        checkSignature(request, auth, credentials, signedAt);
        return credentials;
    }

    private static Instant signedAt(Request request, SigV4Authorization auth) {
        String date = request.header("x-amz-date");
        if (date == null) {
            throw new Refused(AppSyncRefusal.incompleteSignature("Authorization header requires existence of either "
                    + "a 'X-Amz-Date' or a 'Date' header. Authorization=" + ALGORITHM + " Credential="
                    + auth.accessKeyId() + "/..."));
        }
        try {
            return Instant.from(AMZ_DATE.parse(date));
        } catch (DateTimeParseException e) {
            throw new Refused(AppSyncRefusal.incompleteSignature("X-Amz-Date must be in the ISO-8601 basic format "
                    + "yyyyMMdd'T'HHmmss'Z', got '" + date + "'."));
        }
    }

    private void checkScope(SigV4Authorization auth, Instant signedAt) {
        if (!auth.terminator().equals("aws4_request")) {
            throw new Refused(AppSyncRefusal.invalidSignature("Credential should be scoped with a valid terminator: "
                    + "'aws4_request', not '" + auth.terminator() + "'. "));
        }
        if (!auth.region().equals(region)) {
            throw new Refused(AppSyncRefusal.invalidSignature("Credential should be scoped to a valid region, not '"
                    + auth.region() + "'. (local stack: this endpoint is in " + region + ")"));
        }
        if (!auth.service().equals(service)) {
            throw new Refused(AppSyncRefusal.invalidSignature("Credential should be scoped to correct service: '"
                    + service + "'. "));
        }
        String day = AMZ_DATE.format(signedAt).substring(0, 8);
        if (!auth.scopeDate().equals(day)) {
            throw new Refused(AppSyncRefusal.invalidSignature("Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + auth.scopeDate() + "' != '" + day + "', from '"
                    + AMZ_DATE.format(signedAt) + "'."));
        }
        for (String required : List.of("host", "x-amz-date")) {
            if (!auth.signedHeaders().contains(required)) {
                String name = required.equals("host") ? "Host" : "X-Amz-Date";
                throw new Refused(AppSyncRefusal.invalidSignature("'" + name
                        + "' must be a 'SignedHeader' in the AWS Authorization."));
            }
        }
    }

    private void checkSkew(Instant signedAt) {
        Instant now = authority.clock().instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new Refused(AppSyncRefusal.invalidSignature("Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " - 5 min.)"));
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new Refused(AppSyncRefusal.invalidSignature("Signature not yet current: " + AMZ_DATE.format(signedAt)
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 5 min.)"));
        }
    }

    private CredentialsAuthority.IssuedCredentials credentials(Request request, SigV4Authorization auth) {
        if (trusted != null && trusted.accessKeyId().equals(auth.accessKeyId())) {
            return trustedCredentials(request);
        }
        CredentialsAuthority.IssuedCredentials credentials = authority.find(auth.accessKeyId()).orElseThrow(
                () -> new Refused(AppSyncRefusal.unrecognizedClient("access key " + auth.accessKeyId() + " was not "
                        + "issued by this stack")));
        String token = request.header("x-amz-security-token");
        if (token == null) {
            throw new Refused(AppSyncRefusal.unrecognizedClient("no X-Amz-Security-Token header; temporary "
                    + "credentials must send their session token"));
        }
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                credentials.sessionToken().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(AppSyncRefusal.unrecognizedClient("the X-Amz-Security-Token is not the one issued "
                    + "with access key " + auth.accessKeyId()));
        }
        if (!credentials.validAt(authority.clock().instant())) {
            throw new Refused(AppSyncRefusal.expiredToken());
        }
        return credentials;
    }

    /**
     * The trusted external key as the function's credentials. Its signer's session token, if it sends one (a
     * function in LocalStack gets one with its role's credentials), was issued elsewhere and cannot be checked
     * here: it is taken as sent, and the signature must still cover it.
     */
    private CredentialsAuthority.IssuedCredentials trustedCredentials(Request request) {
        String token = request.header("x-amz-security-token");
        return new CredentialsAuthority.IssuedCredentials(trusted.accessKeyId(), trusted.secretAccessKey(),
                token == null ? "" : token, authority.clock().instant().plus(MAX_SKEW),
                CredentialsAuthority.Role.FUNCTION);
    }

    private static void checkPayloadHash(Request request) {
        String claimed = request.header("x-amz-content-sha256");
        if (claimed != null && !claimed.equalsIgnoreCase(sha256(request.body()))) {
            throw new Refused(AppSyncRefusal.invalidSignature("The provided 'x-amz-content-sha256' header does not "
                    + "match what was computed."));
        }
    }

    private void checkSignature(Request request, SigV4Authorization auth,
                                CredentialsAuthority.IssuedCredentials credentials, Instant signedAt) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(request.method().toUpperCase(Locale.ROOT)))
                .uri(request.uri());
        for (String name : auth.signedHeaders()) {
            String value = request.header(name);
            if (value == null) {
                throw new Refused(AppSyncRefusal.invalidSignature(SIGNATURE_MISMATCH + " (local stack: signed header '"
                        + name + "' is not in the request)"));
            }
            unsigned.putHeader(name, value);
        }
        // Only a trusted external key signs without a session token; issued credentials always carry one.
        AwsCredentialsIdentity identity = credentials.sessionToken().isEmpty()
                ? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken());
        SignedRequest signed = signer.sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArrayUnsafe(request.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        SigV4Authorization expected = SigV4Authorization.parse(
                signed.request().firstMatchingHeader("Authorization").orElse(null));
        boolean same = expected.signedHeaders().equals(auth.signedHeaders())
                && MessageDigest.isEqual(expected.signature().getBytes(StandardCharsets.US_ASCII),
                        auth.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (!same) {
            throw new Refused(AppSyncRefusal.invalidSignature(SIGNATURE_MISMATCH));
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Lower-cases header names, as SigV4 canonical headers do. */
    static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return lower;
    }

    /** Carries a refusal out of the checks; never leaves this class. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient AppSyncRefusal refusal;

        Refused(AppSyncRefusal refusal) {
            super(refusal.message(), null, false, false);
            this.refusal = refusal;
        }

        AppSyncRefusal refusal() {
            return refusal;
        }
    }
}
