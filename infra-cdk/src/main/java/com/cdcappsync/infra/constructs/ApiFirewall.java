package com.cdcappsync.infra.constructs;

import com.cdcappsync.infra.config.ApiProtection;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

/**
 * An AWS WAF web ACL on the AppSync API with one rate-based rule: an IP that sends more than the limit of requests
 * in 5 minutes is blocked until its rate falls below it (AppSync Developer Guide, "Using AWS WAF to protect your
 * AWS AppSync APIs"; AWS Front-End Web &amp; Mobile blog, "AppSync adds support for AWS WAF"). Everything else is
 * allowed: authorization stays with AppSync. WAF evaluates a request before AppSync's API key or IAM checks.
 *
 * <p>Requests carrying a SigV4 {@code Authorization} header (the function's mutations, signed with IAM) are not
 * counted: the function may send many requests from few addresses, and a limit meant for websites must not block
 * the write path. A client that fakes such a header skips the count but then needs a valid signature, which AppSync
 * checks. CloudWatch metrics and sampled requests are on for the web ACL and the rule.
 */
public final class ApiFirewall extends Construct {

    /** The {@code Authorization} header of a SigV4-signed request starts with the signing algorithm. */
    static final String SIGV4_PREFIX = "AWS4-HMAC-SHA256";

    /**
     * @param name   the web ACL's name and metric name (letters, digits, {@code -} and {@code _})
     * @param apiArn the GraphQL API's ARN
     * @param limit  requests per 5 minutes per IP, {@link ApiProtection#MIN_RATE_LIMIT} to
     *               {@link ApiProtection#MAX_RATE_LIMIT}
     */
    public record Props(String name, String apiArn, long limit) {
        public Props {
            if (limit < ApiProtection.MIN_RATE_LIMIT || limit > ApiProtection.MAX_RATE_LIMIT) {
                throw new IllegalArgumentException("limit = " + limit + ": expected " + ApiProtection.MIN_RATE_LIMIT
                        + " to " + ApiProtection.MAX_RATE_LIMIT + " requests per 5 minutes per IP (AWS WAF's "
                        + "rate-based rule limit)");
            }
        }
    }

    private final CfnWebACL webAcl;

    public ApiFirewall(Construct scope, String id, Props props) {
        super(scope, id);
        webAcl = CfnWebACL.Builder.create(this, "WebAcl")
                .name(props.name())
                .scope("REGIONAL")
                .description("Rate limit per IP in front of the AppSync API, SigV4-signed IAM requests not counted.")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder()
                        .allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility(props.name()))
                .rules(List.of(rateLimitRule(props)))
                .build();
        CfnWebACLAssociation.Builder.create(this, "Association")
                .resourceArn(props.apiArn())
                .webAclArn(webAcl.getAttrArn())
                .build();
    }

    /** @return the web ACL */
    public CfnWebACL webAcl() {
        return webAcl;
    }

    private static CfnWebACL.RuleProperty rateLimitRule(Props props) {
        return CfnWebACL.RuleProperty.builder()
                .name("RateLimitPerIp")
                .priority(0)
                .action(CfnWebACL.RuleActionProperty.builder()
                        .block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(props.limit())
                                .evaluationWindowSec(ApiProtection.EVALUATION_WINDOW_SECONDS)
                                .aggregateKeyType("IP")
                                .scopeDownStatement(notSigV4Signed())
                                .build())
                        .build())
                .visibilityConfig(visibility(props.name() + "-rate-limit"))
                .build();
    }

    /** @return a statement matching requests whose {@code Authorization} header does not start as SigV4's does */
    private static CfnWebACL.StatementProperty notSigV4Signed() {
        CfnWebACL.StatementProperty signed = CfnWebACL.StatementProperty.builder()
                .byteMatchStatement(CfnWebACL.ByteMatchStatementProperty.builder()
                        .fieldToMatch(CfnWebACL.FieldToMatchProperty.builder()
                                .singleHeader(Map.of("Name", "authorization")).build())
                        .positionalConstraint("STARTS_WITH")
                        .searchString(SIGV4_PREFIX)
                        .textTransformations(List.of(CfnWebACL.TextTransformationProperty.builder()
                                .priority(0).type("NONE").build()))
                        .build())
                .build();
        return CfnWebACL.StatementProperty.builder()
                .notStatement(CfnWebACL.NotStatementProperty.builder().statement(signed).build())
                .build();
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metricName) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName)
                .build();
    }
}
