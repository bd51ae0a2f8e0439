package io.mailroom.sns.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailroom.core.delivery.MessageAttribute;
import io.mailroom.core.error.AwsException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter engine, table-driven: every operator in both scopes, and every validation error.
 * Attribute rows give attributes as {@code {"name": ["Type", "value"]}}; quotes are written ' for brevity.
 */
class FilterPolicyTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> attributeCases() {
        List<Arguments> c = new ArrayList<>();
        // exact string
        c.add(row("{'a':['x']}", "{'a':['String','x']}", true));
        c.add(row("{'a':['x']}", "{'a':['String','y']}", false));
        c.add(row("{'a':['x','y']}", "{'a':['String','y']}", true));
        c.add(row("{'a':['x']}", "{}", false));
        c.add(row("{'a':['x']}", "{'b':['String','x']}", false));
        c.add(row("{'a':['X']}", "{'a':['String','x']}", false));
        c.add(row("{'a':['x']}", "{'a':['String.custom','x']}", true));
        c.add(row("{'a.b':['x']}", "{'a.b':['String','x']}", true));
        // exact number, type-sensitive
        c.add(row("{'a':[5]}", "{'a':['Number','5']}", true));
        c.add(row("{'a':[5]}", "{'a':['Number','5.0']}", true));
        c.add(row("{'a':[5]}", "{'a':['Number','5.000001']}", true));
        c.add(row("{'a':[5]}", "{'a':['Number','5.0001']}", false));
        c.add(row("{'a':[5]}", "{'a':['String','5']}", false));
        c.add(row("{'a':['5']}", "{'a':['Number','5']}", false));
        c.add(row("{'a':[-1.5]}", "{'a':['Number','-1.5']}", true));
        // numeric ranges
        c.add(row("{'a':[{'numeric':['>',0,'<=',5]}]}", "{'a':['Number','5']}", true));
        c.add(row("{'a':[{'numeric':['>',0,'<=',5]}]}", "{'a':['Number','0']}", false));
        c.add(row("{'a':[{'numeric':['>',0,'<=',5]}]}", "{'a':['Number','0.5']}", true));
        c.add(row("{'a':[{'numeric':['>',0,'<',5]}]}", "{'a':['Number','5']}", false));
        c.add(row("{'a':[{'numeric':['>=',0,'<',5]}]}", "{'a':['Number','0']}", true));
        c.add(row("{'a':[{'numeric':['=',100]}]}", "{'a':['Number','100']}", true));
        c.add(row("{'a':[{'numeric':['=',100]}]}", "{'a':['Number','100.1']}", false));
        c.add(row("{'a':[{'numeric':['<',10]}]}", "{'a':['Number','-1000']}", true));
        c.add(row("{'a':[{'numeric':['<=',10]}]}", "{'a':['Number','10']}", true));
        c.add(row("{'a':[{'numeric':['>',10]}]}", "{'a':['Number','10']}", false));
        c.add(row("{'a':[{'numeric':['>=',10]}]}", "{'a':['Number','10']}", true));
        c.add(row("{'a':[{'numeric':['>',1]}]}", "{'a':['String','5']}", false));
        c.add(row("{'a':[{'numeric':['>',1]}]}", "{}", false));
        // prefix / suffix / equals-ignore-case
        c.add(row("{'a':[{'prefix':'ord'}]}", "{'a':['String','order']}", true));
        c.add(row("{'a':[{'prefix':'ord'}]}", "{'a':['String','border']}", false));
        c.add(row("{'a':[{'prefix':'ord'}]}", "{'a':['Number','5']}", false));
        c.add(row("{'a':[{'prefix':{'equals-ignore-case':'ORD'}}]}", "{'a':['String','order']}", true));
        c.add(row("{'a':[{'suffix':'.png'}]}", "{'a':['String','a.png']}", true));
        c.add(row("{'a':[{'suffix':'.png'}]}", "{'a':['String','a.jpg']}", false));
        c.add(row("{'a':[{'suffix':{'equals-ignore-case':'.PNG'}}]}", "{'a':['String','a.png']}", true));
        c.add(row("{'a':[{'equals-ignore-case':'HeLLo'}]}", "{'a':['String','hello']}", true));
        c.add(row("{'a':[{'equals-ignore-case':'HeLLo'}]}", "{'a':['String','hell']}", false));
        // anything-but
        c.add(row("{'a':[{'anything-but':'x'}]}", "{'a':['String','y']}", true));
        c.add(row("{'a':[{'anything-but':'x'}]}", "{'a':['String','x']}", false));
        c.add(row("{'a':[{'anything-but':'x'}]}", "{}", false));
        c.add(row("{'a':[{'anything-but':['x','y']}]}", "{'a':['String','y']}", false));
        c.add(row("{'a':[{'anything-but':['x','y']}]}", "{'a':['String','z']}", true));
        c.add(row("{'a':[{'anything-but':[100,200]}]}", "{'a':['Number','100']}", false));
        c.add(row("{'a':[{'anything-but':[100,200]}]}", "{'a':['Number','150']}", true));
        c.add(row("{'a':[{'anything-but':100}]}", "{'a':['Number','100.0']}", false));
        c.add(row("{'a':[{'anything-but':{'prefix':'ord'}}]}", "{'a':['String','order']}", false));
        c.add(row("{'a':[{'anything-but':{'prefix':'ord'}}]}", "{'a':['String','cart']}", true));
        c.add(row("{'a':[{'anything-but':{'equals-ignore-case':['X','Y']}}]}", "{'a':['String','x']}", false));
        c.add(row("{'a':[{'anything-but':{'equals-ignore-case':['X','Y']}}]}", "{'a':['String','z']}", true));
        c.add(row("{'a':[{'anything-but':{'equals-ignore-case':'X'}}]}", "{'a':['String','x']}", false));
        // exists
        c.add(row("{'a':[{'exists':true}]}", "{'a':['String','x']}", true));
        c.add(row("{'a':[{'exists':true}]}", "{}", false));
        c.add(row("{'a':[{'exists':false}]}", "{}", true));
        c.add(row("{'a':[{'exists':false}]}", "{'a':['String','x']}", false));
        c.add(row("{'a':[{'exists':true}]}", "{'a':['Binary','AAEC']}", true));
        c.add(row("{'a':[{'exists':false}]}", "{'a':['Binary','AAEC']}", false));
        c.add(row("{'a':['x',{'exists':false}]}", "{}", true));
        // Binary is not compared
        c.add(row("{'a':['AAEC']}", "{'a':['Binary','AAEC']}", false));
        // cidr
        c.add(row("{'ip':[{'cidr':'10.0.0.0/24'}]}", "{'ip':['String','10.0.0.255']}", true));
        c.add(row("{'ip':[{'cidr':'10.0.0.0/24'}]}", "{'ip':['String','10.0.1.1']}", false));
        c.add(row("{'ip':[{'cidr':'10.0.0.0/8'}]}", "{'ip':['String','10.200.3.4']}", true));
        c.add(row("{'ip':[{'cidr':'0.0.0.0/0'}]}", "{'ip':['String','1.2.3.4']}", true));
        c.add(row("{'ip':[{'cidr':'10.0.0.0/24'}]}", "{'ip':['String','not-an-ip']}", false));
        c.add(row("{'ip':[{'cidr':'2001:db8::/32'}]}", "{'ip':['String','2001:db8::1']}", true));
        c.add(row("{'ip':[{'cidr':'2001:db8::/32'}]}", "{'ip':['String','2001:db9::1']}", false));
        c.add(row("{'ip':[{'cidr':'10.0.0.0/24'}]}", "{'ip':['String','2001:db8::1']}", false));
        // String.Array
        c.add(row("{'a':['x']}", "{'a':['String.Array','[\\'y\\',\\'x\\']']}", true));
        c.add(row("{'a':['x']}", "{'a':['String.Array','[\\'y\\',\\'z\\']']}", false));
        c.add(row("{'a':[5]}", "{'a':['String.Array','[1,5]']}", true));
        c.add(row("{'a':[{'numeric':['>',3]}]}", "{'a':['String.Array','[1,5]']}", true));
        c.add(row("{'a':[{'prefix':'ab'}]}", "{'a':['String.Array','[\\'abc\\']']}", true));
        c.add(row("{'a':[true]}", "{'a':['String.Array','[true]']}", true));
        c.add(row("{'a':['x']}", "{'a':['String.Array','not json']}", false));
        c.add(row("{'a':[{'anything-but':'x'}]}", "{'a':['String.Array','[\\'x\\',\\'y\\']']}", true));
        // AND of keys, OR of values
        c.add(row("{'a':['x'],'b':['y']}", "{'a':['String','x'],'b':['String','y']}", true));
        c.add(row("{'a':['x'],'b':['y']}", "{'a':['String','x'],'b':['String','z']}", false));
        c.add(row("{'a':['x'],'b':['y']}", "{'a':['String','x']}", false));
        // $or
        c.add(row("{'$or':[{'a':['x']},{'b':['y']}]}", "{'b':['String','y']}", true));
        c.add(row("{'$or':[{'a':['x']},{'b':['y']}]}", "{'a':['String','x']}", true));
        c.add(row("{'$or':[{'a':['x']},{'b':['y']}]}", "{'c':['String','x']}", false));
        c.add(row("{'c':['z'],'$or':[{'a':['x']},{'b':['y']}]}", "{'a':['String','x'],'c':['String','z']}", true));
        c.add(row("{'c':['z'],'$or':[{'a':['x']},{'b':['y']}]}", "{'a':['String','x']}", false));
        c.add(row("{'$or':[{'a':[{'numeric':['>',5]}]},{'a':[{'prefix':'x'}]}]}", "{'a':['Number','6']}", true));
        c.add(row("{}", "{}", true));
        return c.stream();
    }

    static Stream<Arguments> bodyCases() {
        List<Arguments> c = new ArrayList<>();
        c.add(row("{'a':['x']}", "{'a':'x'}", true));
        c.add(row("{'a':['x']}", "{'a':'y'}", false));
        c.add(row("{'a':['x']}", "{'b':'x'}", false));
        c.add(row("{'a':['x']}", "not json", false));
        c.add(row("{'a':['x']}", "['x']", false));
        c.add(row("{'a':{'b':['x']}}", "{'a':{'b':'x'}}", true));
        c.add(row("{'a':{'b':['x']}}", "{'a':{'b':'y'}}", false));
        c.add(row("{'a':{'b':['x']}}", "{'a':'x'}", false));
        c.add(row("{'a':{'b':{'c':[1]}}}", "{'a':{'b':{'c':1}}}", true));
        c.add(row("{'a':{'b':{'c':[1]}}}", "{'a':{'b':{'c':2}}}", false));
        c.add(row("{'a':['x']}", "{'a':['y','x']}", true));
        c.add(row("{'a':['x']}", "{'a':['y','z']}", false));
        c.add(row("{'a':['x']}", "{'a':[['x']]}", true));
        c.add(row("{'a':{'b':['x']}}", "{'a':[{'b':'y'},{'b':'x'}]}", true));
        c.add(row("{'a':{'b':['x'],'c':['y']}}", "{'a':[{'b':'x','c':'n'},{'b':'n','c':'y'}]}", false));
        c.add(row("{'a':{'b':['x'],'c':['y']}}", "{'a':[{'b':'x','c':'y'}]}", true));
        c.add(row("{'a':[5]}", "{'a':5}", true));
        c.add(row("{'a':[5]}", "{'a':5.0}", true));
        c.add(row("{'a':[5]}", "{'a':'5'}", false));
        c.add(row("{'a':[true]}", "{'a':true}", true));
        c.add(row("{'a':[true]}", "{'a':false}", false));
        c.add(row("{'a':[false]}", "{'a':'false'}", false));
        c.add(row("{'a':[null]}", "{'a':null}", true));
        c.add(row("{'a':[null]}", "{}", false));
        c.add(row("{'a':[null]}", "{'a':'null'}", false));
        c.add(row("{'a':[{'numeric':['>',0,'<=',5]}]}", "{'a':3}", true));
        c.add(row("{'a':[{'numeric':['>',0,'<=',5]}]}", "{'a':6}", false));
        c.add(row("{'a':[{'numeric':['>',0]}]}", "{'a':[-1,2]}", true));
        c.add(row("{'a':[{'numeric':['=',0]}]}", "{'a':0.0}", true));
        c.add(row("{'a':[{'prefix':'ab'}]}", "{'a':'abc'}", true));
        c.add(row("{'a':[{'prefix':'ab'}]}", "{'a':'cab'}", false));
        c.add(row("{'a':[{'suffix':'bc'}]}", "{'a':'abc'}", true));
        c.add(row("{'a':[{'suffix':'bc'}]}", "{'a':'bca'}", false));
        c.add(row("{'a':[{'equals-ignore-case':'ABC'}]}", "{'a':'abc'}", true));
        c.add(row("{'a':[{'anything-but':['x']}]}", "{'a':'y'}", true));
        c.add(row("{'a':[{'anything-but':['x']}]}", "{'a':'x'}", false));
        c.add(row("{'a':[{'anything-but':['x']}]}", "{}", false));
        c.add(row("{'a':[{'anything-but':['x']}]}", "{'a':true}", true));
        c.add(row("{'a':[{'anything-but':{'prefix':'x'}}]}", "{'a':'xy'}", false));
        c.add(row("{'a':[{'anything-but':{'prefix':'x'}}]}", "{'a':'yx'}", true));
        c.add(row("{'a':[{'anything-but':[1,2]}]}", "{'a':3}", true));
        c.add(row("{'a':[{'anything-but':[1,2]}]}", "{'a':2}", false));
        c.add(row("{'a':[{'exists':true}]}", "{'a':'x'}", true));
        c.add(row("{'a':[{'exists':true}]}", "{'a':null}", true));
        c.add(row("{'a':[{'exists':true}]}", "{}", false));
        c.add(row("{'a':[{'exists':false}]}", "{}", true));
        c.add(row("{'a':[{'exists':false}]}", "{'a':[]}", true));
        c.add(row("{'a':[{'exists':false}]}", "{'a':1}", false));
        c.add(row("{'a':{'b':[{'exists':false}]}}", "{}", true));
        c.add(row("{'a':{'b':[{'exists':false}]}}", "{'a':{'b':1}}", false));
        c.add(row("{'a':{'b':[{'exists':true}]}}", "{'a':{}}", false));
        c.add(row("{'ip':[{'cidr':'192.168.0.0/16'}]}", "{'ip':'192.168.4.2'}", true));
        c.add(row("{'ip':[{'cidr':'192.168.0.0/16'}]}", "{'ip':'192.169.4.2'}", false));
        c.add(row("{'$or':[{'a':['x']},{'b':{'c':['y']}}]}", "{'b':{'c':'y'}}", true));
        c.add(row("{'$or':[{'a':['x']},{'b':{'c':['y']}}]}", "{'b':{'c':'z'}}", false));
        c.add(row("{'a':{'$or':[{'b':['x']},{'c':['y']}]}}", "{'a':{'c':'y'}}", true));
        c.add(row("{'a':{'$or':[{'b':['x']},{'c':['y']}]}}", "{'a':{'c':'x'}}", false));
        c.add(row("{'a':['x'],'b':[1]}", "{'a':'x','b':1,'c':'ignored'}", true));
        c.add(row("{'a':['x'],'b':[1]}", "{'a':'x','b':2}", false));
        c.add(row("{}", "{'anything':1}", true));
        // a dotted key names the value under every way of splitting it into nested keys
        c.add(row("{'object.nested':['string.value']}", "{'object':{'nested':'string.value'}}", true));
        c.add(row("{'object.nested':['string.value']}", "{'object.nested':'string.value'}", true));
        c.add(row("{'object.nested':['string.value']}", "{'object':{'nested':'test-auto'}}", false));
        c.add(row("{'object.nested.test':['string.value']}", "{'object':{'nested':{'test':'string.value'}}}", true));
        c.add(row("{'object.nested.test':['string.value']}", "{'object.nested.test':'string.value'}", true));
        c.add(row("{'object.nested.test':['string.value']}", "{'object.nested':{'test':'string.value'}}", true));
        c.add(row("{'object.nested.test':['string.value']}", "{'object':{'nested.test':'string.value'}}", true));
        c.add(row("{'object.nested.test':['string.value']}", "{'object':{'nested':{'test':'string.notvalue'}}}", false));
        c.add(row("{'a.b':['x']}", "{'a':{'bb':'x'}}", false));
        c.add(row("{'a.b':['x']}", "{'a.bc':'x'}", false));
        c.add(row("{'a.b':['x']}", "{'a':'x'}", false));
        c.add(row("{'a.b':['x']}", "{'a':[{'b':'y'},{'b':'x'}]}", true));
        c.add(row("{'a.b':['x']}", "{'a':{'b':'y'},'a.b':'x'}", true));
        c.add(row("{'a.b':[{'exists':false}]}", "{'a':{'c':1}}", true));
        c.add(row("{'a.b':[{'exists':false}]}", "{'a':{'b':1}}", false));
        c.add(row("{'a.b':{'c':['x']}}", "{'a':{'b':{'c':'x'}}}", true));
        c.add(row("{'a.b':{'c':['x']}}", "{'a.b':{'c':'y'}}", false));
        c.add(row("{'x':{'a.b':[1]}}", "{'x':{'a':{'b':1}}}", true));
        return c.stream();
    }

    static Stream<Arguments> invalidCases() {
        List<Arguments> c = new ArrayList<>();
        c.add(invalid("not json", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: failed to parse JSON"));
        c.add(invalid("['a']", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Filter policy must be a JSON object"));
        c.add(invalid("{'a':'x'}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: \"a\" must be an object or an array"));
        c.add(invalid("{'a':5}", FilterScope.MESSAGE_BODY, "FilterPolicy: \"a\" must be an object or an array"));
        c.add(invalid("{'a':[]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Empty arrays are not allowed"));
        c.add(invalid("{'a':[['x']]}", FilterScope.MESSAGE_ATTRIBUTES, "Match value must be String, number, true, false, or null"));
        c.add(invalid("{'a':{'b':['x']}}", FilterScope.MESSAGE_ATTRIBUTES,
                "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy"));
        c.add(invalid("{'$or':[{'a':['x']},{'b':{'c':['y']}}]}", FilterScope.MESSAGE_ATTRIBUTES,
                "Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy"));
        // a malformed nested object is a syntax error first, whatever the scope
        c.add(invalid("{'key':{'suffix':'value'}}", FilterScope.MESSAGE_ATTRIBUTES,
                "Invalid parameter: FilterPolicy: \"suffix\" must be an object or an array"));
        c.add(invalid("{'key':{'not-an-operator':'value'}}", FilterScope.MESSAGE_ATTRIBUTES,
                "Invalid parameter: FilterPolicy: \"not-an-operator\" must be an object or an array"));
        c.add(invalid("{'a':{'b':['x']},'c':'y'}", FilterScope.MESSAGE_ATTRIBUTES,
                "Invalid parameter: FilterPolicy: \"c\" must be an object or an array"));
        c.add(invalid("{'a':{}}", FilterScope.MESSAGE_BODY, "Empty objects are not allowed"));
        c.add(invalid("{'a':[{}]}", FilterScope.MESSAGE_BODY, "Empty objects are not allowed"));
        c.add(invalid("{'a':[{'prefix':'x','suffix':'y'}]}", FilterScope.MESSAGE_ATTRIBUTES, "Only one key allowed in match expression"));
        c.add(invalid("{'a':[{'regex':'x'}]}", FilterScope.MESSAGE_ATTRIBUTES, "Unrecognized match type regex"));
        c.add(invalid("{'a':[{'prefix':5}]}", FilterScope.MESSAGE_ATTRIBUTES, "prefix match pattern must be a string"));
        c.add(invalid("{'a':[{'suffix':true}]}", FilterScope.MESSAGE_ATTRIBUTES, "suffix match pattern must be a string"));
        c.add(invalid("{'a':[{'equals-ignore-case':1}]}", FilterScope.MESSAGE_ATTRIBUTES, "equals-ignore-case match pattern must be a string"));
        c.add(invalid("{'a':[{'exists':'yes'}]}", FilterScope.MESSAGE_ATTRIBUTES, "exists match pattern must be either true or false."));
        c.add(invalid("{'a':[{'anything-but':true}]}", FilterScope.MESSAGE_ATTRIBUTES, "Value of anything-but must be an array or single string/number value."));
        c.add(invalid("{'a':[{'anything-but':[]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Empty arrays are not allowed"));
        c.add(invalid("{'a':[{'anything-but':[null]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Inside anything but list, start|null|boolean is not supported."));
        c.add(invalid("{'a':[{'anything-but':{'exists':true}}]}", FilterScope.MESSAGE_ATTRIBUTES, "Unsupported anything-but pattern: exists"));
        c.add(invalid("{'a':[{'anything-but':{'prefix':1}}]}", FilterScope.MESSAGE_ATTRIBUTES, "prefix match pattern must be a string"));
        c.add(invalid("{'a':[{'anything-but':{'suffix':'.png'}}]}", FilterScope.MESSAGE_ATTRIBUTES, "Unsupported anything-but pattern: suffix"));
        c.add(invalid("{'a':[{'numeric':5}]}", FilterScope.MESSAGE_ATTRIBUTES, "Value of numeric must be an array."));
        c.add(invalid("{'a':[{'numeric':[]}]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Invalid member in numeric match: ]"));
        c.add(invalid("{'a':[{'numeric':[1,'<=']}]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Invalid member in numeric match: 1"));
        c.add(invalid("{'a':[{'numeric':['~',5]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Unrecognized numeric range operator: ~"));
        c.add(invalid("{'a':[{'numeric':['>','x']}]}", FilterScope.MESSAGE_ATTRIBUTES, "Value of > must be numeric"));
        c.add(invalid("{'a':[{'numeric':['>']}]}", FilterScope.MESSAGE_ATTRIBUTES, "Value of > must be numeric"));
        c.add(invalid("{'a':[{'numeric':['=','000']}]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Value of equals must be numeric"));
        c.add(invalid("{'a':[{'numeric':['=',1,'<',2]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Too many elements in numeric expression"));
        c.add(invalid("{'a':[{'numeric':['<',1,'>',0]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Too many elements in numeric expression"));
        c.add(invalid("{'a':[{'numeric':['>',1,'>',2]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Bad numeric range operator: >"));
        c.add(invalid("{'a':[{'numeric':['>',20,'test']}]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Bad numeric range operator: test"));
        c.add(invalid("{'a':[{'numeric':['>',20,30]}]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Bad value in numeric range: 30"));
        c.add(invalid("{'a':[{'numeric':['>',20,'<=']}]}", FilterScope.MESSAGE_ATTRIBUTES, "FilterPolicy: Value of <= must be numeric"));
        c.add(invalid("{'a':[{'numeric':['>',20,'<',30,'<',50]}]}", FilterScope.MESSAGE_ATTRIBUTES,
                "FilterPolicy: Too many terms in numeric range expression"));
        c.add(invalid("{'a':[{'numeric':['>',5,'<',1]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Bottom must be less than top"));
        c.add(invalid("{'a':[{'numeric':['>',5e9]}]}", FilterScope.MESSAGE_ATTRIBUTES, "Numeric value must be between"));
        c.add(invalid("{'a':[2e9]}", FilterScope.MESSAGE_ATTRIBUTES, "Numeric value must be between"));
        c.add(invalid("{'a':[{'cidr':'10.0.0.0'}]}", FilterScope.MESSAGE_ATTRIBUTES, "Malformed CIDR, one '/' required"));
        c.add(invalid("{'a':[{'cidr':'10.0.0.300/8'}]}", FilterScope.MESSAGE_ATTRIBUTES, "Nonstandard IP address: 10.0.0.300"));
        c.add(invalid("{'a':[{'cidr':'10.0.0.0/x'}]}", FilterScope.MESSAGE_ATTRIBUTES, "Malformed CIDR, mask bits must be an integer"));
        c.add(invalid("{'a':[{'cidr':'10.0.0.0/33'}]}", FilterScope.MESSAGE_ATTRIBUTES, "Malformed CIDR, mask bits must be between 0 and 32"));
        c.add(invalid("{'a':[{'cidr':5}]}", FilterScope.MESSAGE_ATTRIBUTES, "cidr match pattern must be a string"));
        c.add(invalid("{'$or':{'a':['x']}}", FilterScope.MESSAGE_ATTRIBUTES, "Or relationship must be an array"));
        c.add(invalid("{'$or':[{'a':['x']}]}", FilterScope.MESSAGE_ATTRIBUTES, "Or relationship must have at least 2 alternatives"));
        c.add(invalid("{'$or':[{'a':['x']},'b']}", FilterScope.MESSAGE_ATTRIBUTES, "Or relationship alternatives must be non-empty objects"));
        c.add(invalid("{'a':['1'],'b':['1'],'c':['1'],'d':['1'],'e':['1'],'f':['1']}", FilterScope.MESSAGE_ATTRIBUTES,
                "Filter policy can not have more than 5 keys"));
        c.add(invalid("{'a':{'b':['1'],'c':['1'],'d':['1']},'e':{'f':['1'],'g':['1'],'h':['1']}}", FilterScope.MESSAGE_BODY,
                "Filter policy can not have more than 5 keys"));
        c.add(invalid("{'a':" + values(151) + "}", FilterScope.MESSAGE_ATTRIBUTES, "Filter policy is too complex"));
        c.add(invalid("{'a':" + values(13) + ",'b':" + values(12) + "}", FilterScope.MESSAGE_ATTRIBUTES, "Filter policy is too complex"));
        c.add(invalid("{'$or':[{'a':" + values(80) + "},{'b':" + values(71) + "}]}", FilterScope.MESSAGE_ATTRIBUTES,
                "Filter policy is too complex"));
        // nested keys count their values once per level: 3×4 × 2×3 × 1×3 = 216
        c.add(invalid("{'key_a':{'key_b':{'key_c':" + values(4) + "}},'key_d':{'key_e':" + values(3) + "},'key_f':"
                + values(3) + "}", FilterScope.MESSAGE_BODY, "Invalid parameter: FilterPolicy: Filter policy is too complex"));
        // 3×4 × 1×2 + 3×4 × 3×2 + 2×4 × 1×2 + 2×4 × 3×2 = 160
        c.add(invalid("{'$or':[{'metricName':" + values(3) + "},{'namespace':" + values(2) + "}],"
                + "'detail':{'scope':" + values(2) + ",'$or':[{'source':" + values(1) + "},{'type':" + values(3) + "}]}}",
                FilterScope.MESSAGE_BODY, "Invalid parameter: FilterPolicy: Filter policy is too complex"));
        // 4×6 + 4×4×4 + 4×4×4 = 152
        c.add(invalid("{'source':" + values(4) + ",'$or':[{'metricName':" + values(6) + "},{'metricType':" + values(4)
                + ",'$or':[{'metricId':" + values(4) + "},{'spaceId':" + values(4) + "}]}]}",
                FilterScope.MESSAGE_ATTRIBUTES, "Invalid parameter: FilterPolicy: Filter policy is too complex"));
        c.add(invalid("{'a':['" + "x".repeat(256 * 1024) + "']}", FilterScope.MESSAGE_ATTRIBUTES, "Filter policy is too long"));
        // 6500^5 combinations overflow a long: still far too complex
        String numbers = IntStream.range(0, 6500).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
        c.add(invalid("{'a':" + numbers + ",'b':" + numbers + ",'c':" + numbers + ",'d':" + numbers + ",'e':" + numbers + "}",
                FilterScope.MESSAGE_ATTRIBUTES, "Filter policy is too complex"));
        // three $or of 40 alternatives: 64,000 branches of three keys, counted without listing them
        String or40 = IntStream.range(0, 40).mapToObj(i -> "{'k" + i + "':['v']}").collect(Collectors.joining(",", "[", "]"));
        c.add(invalid("{'x':{'$or':" + or40 + "},'y':{'$or':" + or40 + "},'z':{'$or':" + or40 + "}}",
                FilterScope.MESSAGE_BODY, "Filter policy is too complex"));
        return c.stream();
    }

    static Stream<Arguments> limitsWithinBounds() {
        return Stream.of(
                Arguments.of("{'a':" + values(150) + "}"),
                Arguments.of("{'a':" + values(10) + ",'b':" + values(15) + "}"),
                Arguments.of("{'a':['1'],'b':['1'],'c':['1'],'d':['1'],'e':['1']}"),
                // five keys per $or branch: each branch counts on its own
                Arguments.of("{'$or':[{'a':['1'],'b':['1'],'c':['1'],'d':['1'],'e':['1']},{'f':['1'],'g':['1']}]}"),
                Arguments.of("{'$or':[{'a':" + values(75) + "},{'b':" + values(75) + "}]}"),
                // 3×6 + 3×4×4 + 3×4×7 = 150
                Arguments.of("{'source':" + values(3) + ",'$or':[{'metricName':" + values(6) + "},{'metricType':" + values(4)
                        + ",'$or':[{'metricId':" + values(4) + "},{'spaceId':" + values(7) + "}]}]}"));
    }

    static Stream<Arguments> bodyLimitsWithinBounds() {
        return Stream.of(
                // 2×25 × 1×3 = 150
                Arguments.of("{'a':{'b':" + values(25) + "},'c':" + values(3) + "}"),
                // 3×50
                Arguments.of("{'a':{'b':{'c':" + values(50) + "}}}"),
                Arguments.of("{'a':" + values(150) + "}"));
    }

    @ParameterizedTest(name = "[{index}] {0} on attributes {1} -> {2}")
    @MethodSource("attributeCases")
    void attributeScope(String policy, String attributes, boolean expected) {
        FilterPolicy compiled = FilterPolicyParser.parse(q(policy), FilterScope.MESSAGE_ATTRIBUTES);
        assertThat(compiled.matches(new FilterInput(attributes(q(attributes)), "body"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} on body {1} -> {2}")
    @MethodSource("bodyCases")
    void bodyScope(String policy, String body, boolean expected) {
        FilterPolicy compiled = FilterPolicyParser.parse(q(policy), FilterScope.MESSAGE_BODY);
        assertThat(compiled.matches(new FilterInput(Map.of(), q(body)))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} in {1} -> {2}")
    @MethodSource("invalidCases")
    void invalidPolicies(String policy, FilterScope scope, String message) {
        assertThatThrownBy(() -> FilterPolicyParser.parse(q(policy), scope))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameter");
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("Invalid parameter: ").contains(message);
                });
    }

    @ParameterizedTest(name = "[{index}] accepted at the limit: {0}")
    @MethodSource("limitsWithinBounds")
    void policiesAtTheLimitsAreAccepted(String policy) {
        assertThat(FilterPolicyParser.parse(q(policy), FilterScope.MESSAGE_ATTRIBUTES)).isNotNull();
    }

    @ParameterizedTest(name = "[{index}] accepted at the limit in the body scope: {0}")
    @MethodSource("bodyLimitsWithinBounds")
    void bodyPoliciesAtTheLimitsAreAccepted(String policy) {
        assertThat(FilterPolicyParser.parse(q(policy), FilterScope.MESSAGE_BODY)).isNotNull();
    }

    private static Arguments row(String policy, String input, boolean expected) {
        return Arguments.of(policy, input, expected);
    }

    private static Arguments invalid(String policy, FilterScope scope, String message) {
        return Arguments.of(policy, scope, message);
    }

    private static String values(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("'v").append(i).append("'");
        }
        return b.append("]").toString();
    }

    /** Single quotes to double quotes; an escaped \' stays a quote inside a JSON string. */
    private static String q(String s) {
        return s.replace("\\'", "\u0001").replace('\'', '"').replace("\u0001", "\\\"");
    }

    private static Map<String, MessageAttribute> attributes(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, MessageAttribute> out = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> {
                String type = e.getValue().get(0).asText();
                String value = e.getValue().get(1).asText();
                out.put(e.getKey(), type.startsWith("Binary")
                        ? MessageAttribute.binary(type, Base64.getDecoder().decode(value))
                        : MessageAttribute.string(type, value));
            });
            return out;
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
