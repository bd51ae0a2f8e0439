package io.mailroom.sns.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.error.AwsException;
import io.mailroom.sns.subscription.Protocol;
import io.mailroom.sns.subscription.SubscriptionAttributes;
import io.mailroom.sns.subscription.SubscriptionSettings;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors word for word, with the position AWS's parser reached in the policy re-written without
 * whitespace. The rows are the Subscribe answers AWS gave (recorded in LocalStack's
 * test_sns_filter_policy snapshot); quotes are written ' for brevity.
 */
class FilterPolicySyntaxErrorTest {
    private static final String SUBSCRIBE = "Attributes Reason: ";

    static Stream<Arguments> recordedOnAws() {
        return Stream.of(
                row("{'key':[['value']]}", "Match value must be String, number, true, false, or null", 10),
                row("{'key':[{'wrong-operator':true}]}", "Unrecognized match type wrong-operator", 31),
                row("{'key':[{'suffix':'value','prefix':'value2'}]}", "Only one key allowed in match expression", 37),
                row("{'key':[{'suffix':100}]}", "suffix match pattern must be a string", 22),
                row("{'key':[{'suffix':null}]}", "suffix match pattern must be a string", 23),
                row("{'key':{'suffix':'value'}}", "\"suffix\" must be an object or an array", 19),
                row("{'key':[{'suffix':[]}]}", "suffix match pattern must be a string", 20),
                row("{'key':[{'suffix':['test','test2']}]}", "suffix match pattern must be a string", 20),
                row("{'key':{'suffix':'value','prefix':'value'}}", "\"suffix\" must be an object or an array", 19),
                row("{'key':{'not-an-operator':'value'}}", "\"not-an-operator\" must be an object or an array", 28),
                row("{'key':[{'numeric':[]}]}", "Invalid member in numeric match: ]", 22),
                row("{'key':[{'numeric':['operator']}]}", "Unrecognized numeric range operator: operator", 32),
                row("{'key':[{'numeric':[1,'<=']}]}", "Invalid member in numeric match: 1", 22),
                row("{'key':[{'numeric':['=','000']}]}", "Value of equals must be numeric", 26),
                row("{'key':[{'numeric':['>=']}]}", "Value of >= must be numeric", 26),
                row("{'key':[{'numeric':['<',100,'>',10]}]}", "Too many elements in numeric expression", 30),
                row("{'key':[{'numeric':['>=',1,'>',2]}]}", "Bad numeric range operator: >", 31),
                row("{'key':[{'numeric':['>',3,'<',1]}]}", "Bottom must be less than top", 33),
                row("{'key':[{'numeric':['>',20,'<=']}]}", "Value of <= must be numeric", 33),
                row("{'key':[{'numeric':['>',20,30]}]}", "Bad value in numeric range: 30", 30),
                row("{'key':[{'numeric':['>',20,'test']}]}", "Bad numeric range operator: test", 34),
                row("{'key':[{'numeric':['>','20','<','30']}]}", "Value of > must be numeric", 26),
                row("{'key':[{'numeric':['>',20,'<','30']}]}", "Value of < must be numeric", 33),
                row("{'key':[{'numeric':['>',20,'<',30,'<',50]}]}", "Too many terms in numeric range expression", 36),
                row("{'key':[{'exists':null}]}", "exists match pattern must be either true or false.", 23),
                row("{'key':[{'exists':'no'}]}", "exists match pattern must be either true or false.", 20),
                row("{'key':[{'anything-but':{'wrong-operator':null}}]}", "Unsupported anything-but pattern: wrong-operator", 47),
                row("{'key':[{'anything-but':{'suffix':'test'}}]}", "Unsupported anything-but pattern: suffix", 36),
                row("{'key':[{'anything-but':{'exists':false}}]}", "Unsupported anything-but pattern: exists", 40),
                row("{'key':[{'anything-but':{'prefix':false}}]}", "prefix match pattern must be a string", 40));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1} at column {2}")
    @MethodSource("recordedOnAws")
    void subscribeAnswersAsAwsDid(String policy, String message, int column) {
        assertThat(error(q(policy), FilterScope.MESSAGE_ATTRIBUTES, SUBSCRIBE)).isEqualTo(
                "Invalid parameter: Attributes Reason: FilterPolicy: " + message
                        + "\n at [Source: (String)\"" + q(policy) + "\"; line: 1, column: " + column + "]");
    }

    @Test
    void theColumnIsCountedInThePolicyWithoutItsWhitespace() {
        // SetSubscriptionAttributes, as recorded on AWS for a policy sent as {"key_a": "value_one"}
        assertThat(error("{\"key_a\": \"value_one\"}", FilterScope.MESSAGE_BODY, "")).isEqualTo(
                "Invalid parameter: FilterPolicy: \"key_a\" must be an object or an array"
                        + "\n at [Source: (String)\"{\"key_a\":\"value_one\"}\"; line: 1, column: 11]");
        assertThat(error("{ \"key\" : [ { \"numeric\" : [ \">\" , 3 , \"<\" , 1 ] } ] }", FilterScope.MESSAGE_ATTRIBUTES, ""))
                .endsWith("(String)\"{\"key\":[{\"numeric\":[\">\",3,\"<\",1]}]}\"; line: 1, column: 33]");
    }

    @Test
    void thePolicyIsReWrittenAsJacksonWritesIt() throws Exception {
        String policy = "{\"a\\\"b\" : [\"\u00e9\\n\\u0041\", 1.50, -2e3, true, null], \"z\" : 7}";
        String compact = new ObjectMapper().readTree(policy).toString();
        // "z" is refused with 7 read and the closing brace not yet: column = length - 1 read, plus one
        assertThat(error(policy, FilterScope.MESSAGE_ATTRIBUTES, "")).endsWith(
                "(String)\"" + compact + "\"; line: 1, column: " + compact.length() + "]");
    }

    @Test
    void theSourceIsQuotedUpTo500CharactersAsJacksonDoes() throws Exception {
        String policy = "{\"a\":[\"" + "x".repeat(600) + "\"],\"b\":\"oops\"}";
        String compact = new ObjectMapper().readTree(policy).toString();
        assertThat(error(policy, FilterScope.MESSAGE_ATTRIBUTES, "")).endsWith(
                "\n at [Source: (String)\"" + compact.substring(0, 500) + "\"[truncated " + (compact.length() - 500)
                        + " chars]; line: 1, column: " + (compact.indexOf("\"oops\"") + 2) + "]");
    }

    @Test
    void limitsAndScopeAreNotSyntaxAndTellNoPosition() {
        assertThat(error("{\"a\":" + "[" + "\"v\",".repeat(150) + "\"v\"]}", FilterScope.MESSAGE_ATTRIBUTES, SUBSCRIBE))
                .isEqualTo("Invalid parameter: Attributes Reason: FilterPolicy: Filter policy is too complex");
        assertThat(error("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", FilterScope.MESSAGE_ATTRIBUTES, ""))
                .isEqualTo("Invalid parameter: FilterPolicy: Filter policy can not have more than 5 keys");
        assertThat(error("{\"object\":{\"key\":[{\"prefix\":\"auto-\"}]}}", FilterScope.MESSAGE_ATTRIBUTES, ""))
                .isEqualTo("Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
    }

    /** The refusal SetSubscriptionAttributes answers, or with {@link #SUBSCRIBE} the one Subscribe answers. */
    private static String error(String policy, FilterScope scope, String reason) {
        AwsException e = catchThrowableOfType(() -> {
            if (reason.isEmpty()) {
                FilterPolicyParser.parse(policy, scope);
            } else {
                SubscriptionAttributes.applyAll(SubscriptionSettings.DEFAULT, Protocol.SQS, "arn:aws:sqs:us-east-1:1:q", false,
                        Map.of("FilterPolicy", policy, "FilterPolicyScope", scope.wireName()));
            }
        }, AwsException.class);
        assertThat(e).as("%s should be refused", policy).isNotNull();
        assertThat(e.error().code()).isEqualTo("InvalidParameter");
        return e.getMessage();
    }

    private static Arguments row(String policy, String message, int column) {
        return Arguments.of(policy, message, column);
    }

    private static String q(String s) {
        return s.replace('\'', '"');
    }
}
